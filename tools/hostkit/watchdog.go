package hostkit

import (
	"os"
	"syscall"
	"time"
)

// ExitWhenGone ends this host, and the program it runs, once the engine that started it is gone.
// The engine starts plugins in process groups of their own, so a `pulumi` killed with SIGKILL
// would otherwise leave them running; the engine's death shows as a new parent, checked each
// second from a goroutine of its own.
func ExitWhenGone() {
	engine := os.Getppid()
	go func() {
		for range time.Tick(time.Second) {
			if os.Getppid() != engine {
				// This host leads its process group, which the program it started belongs to.
				_ = syscall.Kill(-os.Getpid(), syscall.SIGKILL)
				os.Exit(1)
			}
		}
	}()
}
