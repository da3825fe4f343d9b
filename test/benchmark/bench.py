#!/usr/bin/env python3
"""raii-tidy benchmark: what the raii checks cost, as ratios measured side by side.

    python3 test/benchmark/bench.py [--llvm 22] [--repeat 3] [--quick]

Builds the plugin if needed (build/llvm-N), generates translation units into
build/llvm-N/benchmark, and prints tables of ratios:

  (a) real <windows.h> + the C++ library + 2,000 classes: clang-tidy with the
      raii checks vs `clang++ -fsyntax-only` and vs clang-tidy with a trivial
      check; the checks' own share (--enable-check-profile); peak memory;
      raii-clangd --check-tidy-time on the seed example and on this TU;
      cppcheck as a peer.
  (b) scaling: 1k, 2k, 4k, 8k classes; the checks' time relative to 1k.
  (c) pathological shapes at n and 2n: one class with many critical-section
      members, a deep chain of helper member functions, mutually recursive
      helpers, a class with many member functions. Linear costs double.

Not part of the test suite: timings depend on the machine and its load.
Ratios measured in one run on one machine are what to compare.
"""

import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRIVIAL_CHECK = "misc-unused-alias-decls"

PRELUDE = """\
typedef struct _RTL_CRITICAL_SECTION { void *p[5]; } RTL_CRITICAL_SECTION;
typedef RTL_CRITICAL_SECTION CRITICAL_SECTION, *LPCRITICAL_SECTION;
typedef int BOOL;
typedef unsigned long DWORD;
void InitializeCriticalSection(LPCRITICAL_SECTION);
BOOL InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION, DWORD);
void DeleteCriticalSection(LPCRITICAL_SECTION);
void EnterCriticalSection(LPCRITICAL_SECTION);
void LeaveCriticalSection(LPCRITICAL_SECTION);
typedef void *HANDLE;
HANDLE CreateEventW(void *, BOOL, BOOL, const wchar_t *);
BOOL SetEvent(HANDLE);
BOOL CloseHandle(HANDLE);
extern "C" void *malloc(__SIZE_TYPE__);
extern "C" void free(void *);
"""

REAL_HEADERS = """\
#include <windows.h>
#include <cstdlib>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>
"""


def class_source(i):
    """Everyday shapes in a resource-heavy mix (real code has far fewer
    owners): mostly correct owners and plain classes, one class in twenty
    with the KB Q265514 leak, one in twenty leaking heap memory
    (raii-unreleased-member)."""
    kind = i % 20
    if kind == 19:  # a buffer the destructor forgets
        return f"""
class Buffer{i} {{
public:
  Buffer{i}() : m_data(static_cast<char *>(malloc(64))), m_size(64) {{}}
  Buffer{i}(const Buffer{i} &) = delete;
  Buffer{i} &operator=(const Buffer{i} &) = delete;
  ~Buffer{i}() {{ m_size = 0; }}
  char *Data() {{ return m_data; }}
private:
  char *m_data;
  int m_size;
}};
"""
    if kind >= 16:  # correct owners of a handle and memory
        return f"""
class Worker{i} {{
public:
  Worker{i}() : m_event(CreateEventW(nullptr, 1, 0, nullptr)) {{ m_buf = malloc(32); }}
  Worker{i}(const Worker{i} &) = delete;
  Worker{i} &operator=(const Worker{i} &) = delete;
  ~Worker{i}() {{ CloseHandle(m_event); free(m_buf); }}
  void Wake() {{ SetEvent(m_event); }}
private:
  HANDLE m_event;
  void *m_buf;
}};
"""
    kind = 0 if kind == 0 else 1 if kind <= 6 else 2 if kind <= 11 else 3
    if kind == 0:  # the KB Q265514 leak
        return f"""
class Store{i} {{
public:
  Store{i}() : m_refs(1) {{ InitializeCriticalSection(&m_cs); }}
  ~Store{i}() {{ m_refs = 0; }}
  int AddRef() {{
    EnterCriticalSection(&m_cs);
    int r = ++m_refs;
    LeaveCriticalSection(&m_cs);
    return r;
  }}
private:
  CRITICAL_SECTION m_cs;
  int m_refs;
}};
"""
    if kind == 1:  # correct, through helpers
        return f"""
class Session{i} {{
public:
  Session{i}() {{ Init(); }}
  Session{i}(const Session{i} &) = delete;
  Session{i} &operator=(const Session{i} &) = delete;
  ~Session{i}() {{ Term(); }}
  void Init() {{ InitializeCriticalSectionAndSpinCount(&m_cs, 4000); m_open = true; }}
  void Term() {{ if (m_open) DeleteCriticalSection(&m_cs); m_open = false; }}
private:
  CRITICAL_SECTION m_cs;
  bool m_open = false;
}};
"""
    if kind == 2:  # striped locks, correct
        return f"""
class Striped{i} {{
public:
  Striped{i}() {{ for (auto &cs : m_locks) InitializeCriticalSection(&cs); }}
  Striped{i}(const Striped{i} &) = delete;
  Striped{i} &operator=(const Striped{i} &) = delete;
  ~Striped{i}() {{ for (auto &cs : m_locks) DeleteCriticalSection(&cs); }}
  void Lock(unsigned k) {{ EnterCriticalSection(&m_locks[k % 8]); }}
  void Unlock(unsigned k) {{ LeaveCriticalSection(&m_locks[k % 8]); }}
private:
  CRITICAL_SECTION m_locks[8];
}};
"""
    return f"""
class Plain{i} {{
public:
  explicit Plain{i}(int v) : m_v(v) {{}}
  int Get() const {{ return m_v; }}
  void Set(int v) {{ if (v != m_v) m_v = v; }}
  int Sum(int n) const {{ int s = 0; for (int k = 0; k < n; ++k) s += k * m_v; return s; }}
private:
  int m_v;
}};
"""


def classes_tu(n, header, leaks=True):
    """n classes; without leaks, the leaking kinds release what they own, so
    the checks analyse the same code and report nothing."""
    text = "".join(class_source(i) for i in range(n))
    if not leaks:
        text = re.sub(r"~Store(\d+)\(\) \{ m_refs = 0; \}",
                      r"~Store\1() { m_refs = 0; DeleteCriticalSection(&m_cs); }\n"
                      r"  Store\1(const Store\1 &) = delete;\n"
                      r"  Store\1 &operator=(const Store\1 &) = delete;", text)
        text = text.replace("{ m_size = 0; }", "{ m_size = 0; free(m_data); }")
    return header + text


def many_members(n):
    members = "".join(f"  CRITICAL_SECTION m_cs{k};\n" for k in range(n))
    init = "".join(f"    InitializeCriticalSection(&m_cs{k});\n" for k in range(n))
    delete = "".join(f"    DeleteCriticalSection(&m_cs{k});\n" for k in range(n))
    return (PRELUDE + "class Wide {\npublic:\n  Wide() {\n" + init + "  }\n  ~Wide() {\n"
            + delete + "  }\nprivate:\n" + members + "};\n")


def helper_chain(n):
    inits = "".join(f"  void Init{k}() {{ Init{k + 1}(); }}\n" for k in range(n))
    terms = "".join(f"  void Term{k}() {{ Term{k + 1}(); }}\n" for k in range(n))
    return (PRELUDE + "class Chain {\npublic:\n  Chain() { Init0(); }\n  ~Chain() { Term0(); }\n"
            + inits + terms
            + f"  void Init{n}() {{ InitializeCriticalSection(&m_cs); }}\n"
            + f"  void Term{n}() {{ DeleteCriticalSection(&m_cs); }}\n"
            + "private:\n  CRITICAL_SECTION m_cs;\n};\n")


def mutual_recursion(n):
    helpers = "".join(
        f"  void H{k}(int d) {{ if (d > 0) {{ H{(k + 1) % n}(d - 1); H{(k + n - 1) % n}(d - 1); }} }}\n"
        for k in range(n))
    return (PRELUDE + "class Mutual {\npublic:\n"
            + "  Mutual() { H0(3); InitializeCriticalSection(&m_cs); }\n"
            + "  ~Mutual() { H1(3); }\n" + helpers
            + "private:\n  CRITICAL_SECTION m_cs;\n};\n")


def many_functions(n):
    functions = "".join(f"  int F{k}(int x) const {{ return x + {k} + m_v; }}\n" for k in range(n))
    return (PRELUDE + "class Big {\npublic:\n  Big() { InitializeCriticalSection(&m_cs); }\n"
            + "  ~Big() { DeleteCriticalSection(&m_cs); }\n" + functions
            + "private:\n  CRITICAL_SECTION m_cs;\n  int m_v = 0;\n};\n")


class Runner:
    def __init__(self, opts):
        self.opts = opts
        self.llvm = f"/usr/lib/llvm-{opts.llvm}/bin"
        self.build = os.path.join(ROOT, "build", f"llvm-{opts.llvm}")
        self.plugin = os.path.join(self.build, "checker", "libRaiiTidy.so")
        self.work = os.path.join(self.build, "benchmark")
        os.makedirs(self.work, exist_ok=True)

    def measure(self, args):
        """Wall seconds and peak RSS (MiB) of one run; the median of repeats."""
        walls, rss = [], []
        for _ in range(self.opts.repeat):
            start = time.perf_counter()
            proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
            rss.append(usage.ru_maxrss / 1024.0)
            code = os.waitstatus_to_exitcode(status)
            if code < 0:
                sys.exit(f"bench.py: crashed: {' '.join(args)}")
            if code != 0:
                # A failed run is fast and proves nothing: no ratio from it.
                sys.exit(f"bench.py: failed with exit status {code}, no figure is "
                         f"reported from it: {' '.join(args)}")
        return statistics.median(walls), statistics.median(rss)

    def tidy(self, checks, path, flags, extra=()):
        args = [os.path.join(self.llvm, "clang-tidy"), "--checks=-*," + checks]
        if checks.startswith("raii"):
            args.append("--load=" + self.plugin)
        return args + list(extra) + [path, "--"] + flags

    def check_profile(self, path, flags):
        """The raii checks' own time from clang-tidy's check profile, and its
        share of that same run's wall time: the medians over the repeats."""
        out = tempfile.mkdtemp(dir=self.work)
        totals, shares = [], []
        for _ in range(self.opts.repeat):
            for f in glob.glob(os.path.join(out, "*.json")):
                os.remove(f)
            args = self.tidy("raii-*", path, flags,
                             ["--enable-check-profile", "--store-check-profile=" + out])
            start = time.perf_counter()
            proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - start
            if proc.returncode != 0:
                sys.exit(f"bench.py: failed with exit status {proc.returncode}, no share is "
                         f"reported from it: {' '.join(args)}")
            total, timed = 0.0, 0
            for f in glob.glob(os.path.join(out, "*.json")):
                with open(f) as fp:
                    profile = json.load(fp)["profile"]
                times = [v for k, v in profile.items()
                         if k.startswith("time.clang-tidy.raii-") and k.endswith(".wall")]
                total += sum(times)
                timed += len(times)
            if not timed:
                # No profile is not a 0 % share.
                sys.exit(f"bench.py: clang-tidy wrote no check profile with raii timings "
                         f"into {out}: {' '.join(args)}")
            totals.append(total)
            shares.append(total / wall)
        shutil.rmtree(out)
        return statistics.median(totals), statistics.median(shares)

    def check_share(self, path, flags):
        """The raii checks' own time from clang-tidy's check profile."""
        return self.check_profile(path, flags)[0]

    def write(self, name, text):
        path = os.path.join(self.work, name)
        with open(path, "w") as f:
            f.write(text)
        return path


def clangd_tidy_time(clangd, path):
    """What `raii-clangd --check --check-tidy-time` says the raii checks add
    to building the AST of path, one 'check = N%' per check."""
    proc = subprocess.run([clangd, "--check=" + path, "--check-tidy-time=raii-*",
                           "--check-locations=false"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    found = re.findall(r"^\S+\s+(Baseline = \d+ ns|raii-[\w-]+ = -?[\d.]+%)$",
                       proc.stdout, re.M)
    if proc.returncode != 0 or not found:
        return "(no timing printed; exit status %d)" % proc.returncode
    return ", ".join(found)


def ratio(a, b):
    return a / b if b else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--llvm", default="22", help="LLVM major to measure (default 22)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    opts = parser.parse_args()
    if opts.repeat < 1:
        parser.error("--repeat must be at least 1")

    subprocess.run(["bash", os.path.join(ROOT, "cmake", "install-deps.sh"), opts.llvm], check=True)
    if not shutil.which("cppcheck"):
        subprocess.run(["apt-get", "install", "-y", "-q", "cppcheck"], check=False)
    build = os.path.join(ROOT, "build", f"llvm-{opts.llvm}")
    subprocess.run(["cmake", "-S", ROOT, "-B", build, "-G", "Ninja",
                    f"-DRAII_LLVM_VERSION={opts.llvm}"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build], check=True, stdout=subprocess.DEVNULL)
    r = Runner(opts)
    scale = 8 if opts.quick else 1
    clang = os.path.join(r.llvm, "clang++")
    mingw = ["--target=x86_64-w64-mingw32", "-std=c++17"]
    plain = ["-std=c++17"]

    print(f"raii-tidy benchmark, LLVM {opts.llvm}, median of {opts.repeat} runs\n")

    # (a) a realistic TU.
    real = r.write("real.cpp", classes_tu(2000 // scale, REAL_HEADERS))
    t_syntax, m_syntax = r.measure([clang, "-fsyntax-only"] + mingw + [real])
    t_trivial, m_trivial = r.measure(r.tidy(TRIVIAL_CHECK, real, mingw))
    t_raii, m_raii = r.measure(r.tidy("raii-*", real, mingw))
    t_checks, share = r.check_profile(real, mingw)
    reported = subprocess.run(r.tidy("raii-*", real, mingw), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, universal_newlines=True).stdout
    warnings = reported.count(": warning:")
    print(f"(a) <windows.h> + C++ library + {2000 // scale} classes "
          f"({warnings} warnings reported)")
    print(f"    clang++ -fsyntax-only            {t_syntax:8.3f} s")
    print(f"    clang-tidy {TRIVIAL_CHECK:22s}{t_trivial:8.3f} s")
    print(f"    clang-tidy raii-*                {t_raii:8.3f} s")
    print(f"    raii-* vs -fsyntax-only          {ratio(t_raii, t_syntax):8.3f} x   (goal <= 1.12)")
    print(f"    raii-* vs trivial check          {ratio(t_raii, t_trivial):8.3f} x")
    print(f"    raii-* checks' own share         {100 * share:8.2f} %   "
          f"({1000 * t_checks:.1f} ms; goal <= 1)")
    clean = r.write("real-clean.cpp", classes_tu(2000 // scale, REAL_HEADERS, leaks=False))
    t_clean, clean_share = r.check_profile(clean, mingw)
    clean_reported = subprocess.run(r.tidy("raii-*", clean, mingw), stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL,
                                    universal_newlines=True).stdout.count(": warning:")
    print(f"    same, the leaks fixed ({clean_reported} warnings)  {100 * clean_share:5.2f} %   "
          f"({1000 * t_clean:.1f} ms: the analysis without reporting)")
    if warnings > clean_reported:
        per_warning = (t_checks - t_clean) / (warnings - clean_reported)
        label = f"    reporting the {warnings - clean_reported} warnings"
        print(f"{label:37s}{100 * (share - clean_share):8.2f} %   "
              f"({1e6 * per_warning:.0f} us per warning with its notes and fix-it)")
    print(f"    peak memory raii-* vs trivial    {ratio(m_raii, m_trivial):8.3f} x   "
          f"({m_raii:.0f} vs {m_trivial:.0f} MiB; goal <= 1.05)")

    clangd = os.path.join(build, "checker", "tools", "raii-clangd")
    if os.access(clangd, os.X_OK):
        # clangd times the AST build with each check on top of a baseline
        # without checks, and prints each check's overhead as a percentage.
        # The headers are in the preamble, built once and not timed: the
        # base is the main file's AST, much smaller than the TU's above.
        with open(os.path.join(r.work, "compile_flags.txt"), "w") as f:
            f.write("\n".join(mingw) + "\n")
        seed = os.path.join(r.work, "store_provider.cpp")
        shutil.copy(os.path.join(ROOT, "docs", "example", "store_provider.cpp"), seed)
        for title, path in (("seed example", seed), (f"{2000 // scale} classes", real)):
            print(f"    raii-clangd --check-tidy-time, {title}: " +
                  clangd_tidy_time(clangd, path))
    else:
        print("    raii-clangd --check-tidy-time    (raii-clangd not built; skipped)")

    cppcheck = shutil.which("cppcheck")
    if cppcheck:
        peer = r.write("peer.cpp", classes_tu(2000 // scale, PRELUDE))
        t_peer, _ = r.measure([cppcheck, "--quiet", "--enable=warning,style", "--std=c++17",
                               peer])
        report = subprocess.run([cppcheck, "--quiet", "--enable=warning,style", "--std=c++17",
                                 peer], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True).stdout
        t_ours, _ = r.measure(r.tidy("raii-*", peer, plain))
        ours = subprocess.run(r.tidy("raii-*", peer, plain), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, universal_newlines=True).stdout
        n = 2000 // scale
        leaks = sum(1 for i in range(n) if i % 20 in (0, 19))
        warnings = [l for l in report.splitlines() if ": warning:" in l or ": style:" in l]
        on_leaks = sum(1 for l in warnings if "'Store" in l or "'Buffer" in l)
        print(f"    peer: cppcheck, same classes without system headers, {t_peer:.3f} s "
              f"vs clang-tidy raii-* {t_ours:.3f} s")
        print(f"          of {leaks} leaking classes cppcheck reports {on_leaks}, "
              f"raii-* {ours.count('[raii-critical-section-leak]') + ours.count('[raii-unreleased-member]')}; "
              f"cppcheck's other reports: {len(warnings) - on_leaks}")
    else:
        print("    peer: cppcheck not installed; skipped")

    # (b) scaling.
    print("\n(b) scaling (checks' own time from --enable-check-profile)")
    base = None
    for n in (1000, 2000, 4000, 8000):
        n //= scale
        path = r.write(f"scale{n}.cpp", classes_tu(n, PRELUDE))
        t = r.check_share(path, plain)
        base = base or t
        print(f"    {n:6d} classes  {t:8.4f} s  {ratio(t, base):6.2f} x of the first"
              f"   (8x classes goal <= 8.5x)")

    # (c) pathological shapes.
    print("\n(c) pathological shapes: checks' time at 2n vs n (linear = 2.0)")
    shapes = [("critical-section members in one class", many_members, 2000),
              ("deep chain of helper member functions", helper_chain, 1000),
              ("mutually recursive helpers", mutual_recursion, 1000),
              ("member functions in one class", many_functions, 10000)]
    for title, make, n in shapes:
        n //= scale
        small = r.check_share(r.write("shape-small.cpp", make(n // 2)), plain)
        large = r.check_share(r.write("shape-large.cpp", make(n)), plain)
        print(f"    {title:40s} n={n // 2:6d} {small:8.4f} s  2n {large:8.4f} s  "
              f"{ratio(large, small):6.2f} x")


if __name__ == "__main__":
    main()
