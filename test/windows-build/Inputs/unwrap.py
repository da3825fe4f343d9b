#!/usr/bin/env python3
"""Joins CMake's wrapped messages: stdin's words on one line, so that a check
does not depend on where CMake broke a long path."""
import sys

print(" ".join(sys.stdin.read().split()))
