package hostkit

import "flag"

// CommandLine reads what the engine passes a language host: logging and tracing flags, then the
// engine's address, last. The logging flags (--logtostderr, -v) are registered by glog, which the
// SDK's packages import; tracingUsage is what -help says of --tracing, which hosts use differently.
func CommandLine(tracingUsage string) (tracing, engineAddress string) {
	tracingFlag := flag.String("tracing", "", tracingUsage)
	flag.Parse()
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[len(args)-1]
	}
	return *tracingFlag, engineAddress
}
