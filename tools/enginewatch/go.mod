module pulumi-chathub/enginewatch

go 1.22
