"""status.py COMMAND...: runs COMMAND with its output discarded and prints its
exit status, for a test that expects one exactly."""
import subprocess
import sys

print("exit status %d" % subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL))
