#!/usr/bin/env python3
"""A minimal LSP client: asks clangd for the diagnostics of one file and for
the quick fixes of the raii diagnostics, and prints what it got.

Usage:
  lsp_client.py --clangd PATH --dir DIR FILE [--timeout SECONDS]

Speaks JSON-RPC 2.0 with Content-Length framing over clangd's stdin and
stdout: initialize, initialized, textDocument/didOpen, waits for
textDocument/publishDiagnostics, then textDocument/codeAction for every
diagnostic whose source is clang-tidy, and shutdown/exit. Every wait is
bounded by one deadline (--timeout): the client never hangs, and exits 1 if
clangd does not answer in time, crashes or answers with an error.

Output, for FileCheck (lines and characters 1-based, as editors show them):
  diagnostic: <line>:<col>-<line>:<col> severity=<n> source=<s> code=<c>: <message>
  fix: <title> (kind=<kind>, preferred=<bool>)
  edit: <line>:<col>-<line>:<col> <JSON of the new text>
  fixed:
  <the file with the fix's edits applied>
"""

import argparse
import json
import os
import select
import subprocess
import sys
import time
import urllib.parse
import urllib.request


class LspError(Exception):
    pass


class Server:
    def __init__(self, command, cwd, timeout):
        self.deadline = time.monotonic() + timeout
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.buffer = b""
        self.next_id = 1
        self.stderr = b""

    def remaining(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise LspError("timed out waiting for clangd")
        return left

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read_some(self):
        """Reads what clangd has written (stdout or stderr) before the deadline."""
        streams = [self.process.stdout, self.process.stderr]
        ready, _, _ = select.select(streams, [], [], self.remaining())
        if not ready:
            raise LspError("timed out waiting for clangd")
        for stream in ready:
            chunk = os.read(stream.fileno(), 65536)
            if not chunk:
                raise LspError("clangd exited (status %s)" % self.process.wait())
            if stream is self.process.stderr:
                self.stderr += chunk
            else:
                self.buffer += chunk

    def receive(self):
        """The next message from clangd."""
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                length = None
                for line in self.buffer[:header_end].split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    raise LspError("message without Content-Length")
                end = header_end + 4 + length
                if len(self.buffer) >= end:
                    body = self.buffer[header_end + 4:end]
                    self.buffer = self.buffer[end:]
                    return json.loads(body.decode("utf-8"))
            self.read_some()

    def request(self, method, params):
        """Sends a request and returns its result; notifications that arrive
        meanwhile are handed to on_notification."""
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                if "error" in message:
                    raise LspError("%s failed: %s" % (method, message["error"]))
                return message.get("result")
            self.on_message(message)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def wait_for(self, predicate):
        while True:
            message = self.receive()
            if predicate(message):
                return message
            self.on_message(message)

    def on_message(self, message):
        # Requests from the server (workDoneProgress/create, ...) get an
        # empty answer so that it does not wait for us.
        if "id" in message and "method" in message:
            self.send({"id": message["id"], "result": None})

    def close(self):
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
                self.process.wait(timeout=max(1, min(10, self.remaining())))
        except (LspError, OSError, subprocess.TimeoutExpired):
            pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def position(pos):
    return "%d:%d" % (pos["line"] + 1, pos["character"] + 1)


def span(rng):
    return "%s-%s" % (position(rng["start"]), position(rng["end"]))


def offset(lines, pos):
    """Offset in the text of an LSP position (UTF-16 code units; the file
    is ASCII, so characters)."""
    return sum(len(line) for line in lines[:pos["line"]]) + pos["character"]


def apply_edits(text, edits):
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                             e["range"]["start"]["character"]),
                       reverse=True):
        begin = offset(lines, edit["range"]["start"])
        end = offset(lines, edit["range"]["end"])
        text = text[:begin] + edit["newText"] + text[end:]
        lines = text.splitlines(keepends=True)
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--dir", required=True, help="the project directory")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("file")
    opts = parser.parse_args()

    path = os.path.abspath(opts.file)
    uri = "file://" + urllib.request.pathname2url(path)
    with open(path, encoding="utf-8") as source:
        text = source.read()

    clangd = os.path.abspath(opts.clangd) if os.sep in opts.clangd else opts.clangd
    try:
        server = Server([clangd, "--log=error", "--background-index=false",
                         "--pch-storage=memory"], opts.dir, opts.timeout)
    except OSError as error:
        sys.exit("lsp_client.py: cannot run '%s': %s" % (clangd, error.strerror))
    try:
        root = "file://" + urllib.request.pathname2url(os.path.abspath(opts.dir))
        server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                    "valueSet": ["quickfix"]}}}}},
        })
        server.notify("initialized", {})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        published = server.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri)
        diagnostics = published["params"]["diagnostics"]
        for diagnostic in diagnostics:
            print("diagnostic: %s severity=%s source=%s code=%s: %s" % (
                span(diagnostic["range"]), diagnostic.get("severity"),
                diagnostic.get("source"), diagnostic.get("code"),
                diagnostic["message"].splitlines()[0]))
        for diagnostic in diagnostics:
            if diagnostic.get("source") != "clang-tidy":
                continue
            actions = server.request("textDocument/codeAction", {
                "textDocument": {"uri": uri},
                "range": diagnostic["range"],
                "context": {"diagnostics": [diagnostic], "only": ["quickfix"]},
            }) or []
            for action in actions:
                print("fix: %s (kind=%s, preferred=%s)" % (
                    action.get("title"), action.get("kind"),
                    str(action.get("isPreferred", False)).lower()))
                changes = action.get("edit", {}).get("changes", {})
                for document in action.get("edit", {}).get("documentChanges", []):
                    changes.setdefault(document["textDocument"]["uri"], []).extend(
                        document["edits"])
                for changed_uri, edits in changes.items():
                    if changed_uri != uri:
                        print("edit of another file: " + urllib.parse.unquote(changed_uri))
                        continue
                    for edit in edits:
                        print("edit: %s %s" % (span(edit["range"]), json.dumps(edit["newText"])))
                    print("fixed:")
                    print(apply_edits(text, edits), end="")
    except LspError as error:
        sys.stderr.write("lsp_client.py: %s\n%s" % (error, server.stderr.decode(errors="replace")))
        server.close()
        return 1
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
