// Manage ChatHub (SMSBAT) operator rosters as code: who can answer your customers' chats.
package chathub
