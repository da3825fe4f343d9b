//===--- RaiiExplainMain.cpp - raii-explain -------------------------------===//
//
// raii-explain --class=NAME FILE... -- ARGS (or -p BUILD): the lifecycle
// table of each class named NAME, as the raii checks see it: for each
// tracked member, where it is acquired and released, who owns it and why,
// the verdict of each check, and whether a fix-it is written or why not;
// then the findings the checks report about the class. The checks run as in
// clang-tidy, with the options of the files' .clang-tidy.
//
//===----------------------------------------------------------------------===//

#include "../Debug.h"
#include "../Explain.h"
#include "ToolMain.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tidy;
using namespace clang::tidy::raii;
namespace cl = llvm::cl;

static cl::OptionCategory Category("raii-explain options");
static cl::opt<std::string>
    ClassName("class", cl::value_desc("NAME"), cl::cat(Category),
              cl::desc("The class to explain: its name or qualified name "
                       "(ns::Outer::Inner)"));
#ifndef RAII_LLVM_ASSERTIONS
// LLVM with assertions has its own -debug-only, which Debug.h also reads.
static cl::opt<std::string> DebugOnly(
    "debug-only", cl::value_desc("TYPE[,TYPE...]"), cl::cat(Category),
    cl::desc("Print the analysis's debug output of these types to stderr: "
             "raii-summary, raii-closure, raii-fix, or all"));
#endif
static cl::extrahelp CommonHelp(tooling::CommonOptionsParser::HelpMessage);

namespace {

/// Where diagnostics point, as file name, line and column.
class Locator {
public:
  /// \p Path absolute with symbolic links resolved (or as given when the
  /// file cannot be found), so that it compares with the classes' extents.
  static std::string realPath(llvm::StringRef Path, llvm::StringRef Dir) {
    llvm::SmallString<256> Abs(Path), Real;
    if (!llvm::sys::path::is_absolute(Abs) && !Dir.empty()) {
      Abs = Dir;
      llvm::sys::path::append(Abs, Path);
    }
    if (llvm::sys::fs::real_path(Abs, Real))
      return std::string(Abs);
    return std::string(Real);
  }

  /// "file.cpp:12:5".
  std::string where(llvm::StringRef Path, unsigned Offset) {
    auto &Buffer = Buffers[Path];
    if (!Buffer)
      if (auto B = llvm::MemoryBuffer::getFile(Path))
        Buffer = std::move(*B);
    std::string Name = llvm::sys::path::filename(Path).str();
    if (!Buffer || Offset > Buffer->getBufferSize())
      return Name;
    llvm::StringRef Before = Buffer->getBuffer().take_front(Offset);
    unsigned Line = Before.count('\n') + 1;
    size_t LineStart = Before.rfind('\n');
    unsigned Column =
        Offset - (LineStart == llvm::StringRef::npos ? 0 : LineStart + 1) + 1;
    return Name + ":" + std::to_string(Line) + ":" + std::to_string(Column);
  }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

bool within(const ExplainedClass &C, const std::string &Path, unsigned Offset) {
  return llvm::any_of(C.Extents, [&](const FileExtent &E) {
    return E.File == Path && E.Begin <= Offset && Offset <= E.End;
  });
}

const char *levelName(tooling::Diagnostic::Level L) {
  switch (L) {
  case tooling::Diagnostic::Error:
    return "error";
  case tooling::Diagnostic::Warning:
    return "warning";
  default:
    return "note";
  }
}

/// Prints \p E and its notes, indented by \p Indent.
void printFinding(const ClangTidyError &E, Locator &Loc, llvm::StringRef Indent,
                  llvm::raw_ostream &OS) {
  std::string Path = Locator::realPath(E.Message.FilePath, E.BuildDirectory);
  OS << Indent << "finding: ";
  if (!E.Message.FilePath.empty())
    OS << Loc.where(Path, E.Message.FileOffset) << ": ";
  OS << levelName(E.DiagLevel) << ": " << E.Message.Message << " ["
     << E.DiagnosticName << "]\n";
  unsigned Edits = 0;
  for (const auto &File : E.Message.Fix)
    Edits += File.second.size();
  if (Edits)
    OS << Indent << "  fix-it: " << Edits << (Edits == 1 ? " edit" : " edits")
       << "\n";
  for (const tooling::DiagnosticMessage &N : E.Notes)
    OS << Indent << "  note: "
       << Loc.where(Locator::realPath(N.FilePath, E.BuildDirectory),
                    N.FileOffset)
       << ": " << N.Message << "\n";
}

} // namespace

int main(int Argc, char **Argv) {
  // The family table the documentation lists, without sources to parse.
  if (Argc == 2 && llvm::StringRef(Argv[1]) == "--list-families") {
    printFamilyTable(llvm::outs());
    return 0;
  }
  std::vector<char *> Args =
      withResourceDir(Argc, Argv, "--extra-arg-before=-resource-dir=");
  int ArgCount = static_cast<int>(Args.size() - 1);
  auto Parser = tooling::CommonOptionsParser::create(
      ArgCount, const_cast<const char **>(Args.data()), Category, cl::OneOrMore,
      "raii-explain: why the raii checks report a class, or do not.\n");
  if (!Parser) {
    llvm::errs() << "raii-explain: error: " << toString(Parser.takeError())
                 << "\n";
    return 1;
  }
  if (ClassName.empty() || llvm::StringRef(ClassName).trim(':').empty()) {
    llvm::errs() << "raii-explain: error: option '--class' is missing or "
                    "empty: name the class to explain (--class=NAME)\n";
    return 1;
  }

#ifndef RAII_LLVM_ASSERTIONS
  if (DebugOnly.getNumOccurrences())
    setDebugTypes(DebugOnly);
#endif
  ExplainRequest Request;
  Request.ClassName = ClassName;
  activeExplainRequest() = &Request;
  // The raii checks, whatever the configuration enables, with its options.
  ClangTidyOptions Override;
  Override.Checks = "-*,raii-*";
  auto Provider = std::make_unique<FileOptionsProvider>(
      ClangTidyGlobalOptions(), ClangTidyOptions::getDefaults(), Override,
      llvm::vfs::getRealFileSystem());
  ClangTidyContext Context(std::move(Provider));
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::vector<ClangTidyError> Errors = runClangTidy(
      Context, Parser->getCompilations(), Parser->getSourcePathList(), BaseFS,
      /*ApplyAnyFix=*/false
#if LLVM_VERSION_MAJOR >= 20
      ,
      /*EnableCheckProfile=*/false, "", /*Quiet=*/true
#endif
  );
  activeExplainRequest() = nullptr;

  Locator Loc;
  llvm::raw_ostream &OS = llvm::outs();
  // Code that does not compile: say so, with the compiler's errors.
  bool Broken = false;
  for (const ClangTidyError &E : Errors)
    if (E.DiagLevel == tooling::Diagnostic::Error &&
        llvm::StringRef(E.DiagnosticName).starts_with("clang-diagnostic")) {
      if (!Broken)
        llvm::errs() << "raii-explain: error: the input does not compile; "
                        "the checks offer no fix-it for it:\n";
      Broken = true;
      printFinding(E, Loc, "  ", llvm::errs());
    }
  for (const ClangTidyError &E : Errors)
    if (E.DiagnosticName == "clang-tidy-config") {
      // An option of .clang-tidy: the check it names is disabled.
      Broken = true;
      llvm::errs() << "raii-explain: error: " << E.Message.Message << " ["
                   << E.DiagnosticName << "]\n";
    }
  if (Request.Classes.empty()) {
    llvm::errs() << "raii-explain: error: no class named '" << ClassName
                 << "' is defined in";
    for (const std::string &File : Parser->getSourcePathList())
      llvm::errs() << " " << File;
    llvm::errs() << " (outside system headers)\n";
    return 1;
  }

  for (ExplainedClass &C : Request.Classes) {
    // In the same order whichever order the pass ran the checks in.
    llvm::sort(C.Checks, [](const ExplainedCheck &L, const ExplainedCheck &R) {
      return L.Check < R.Check;
    });
    OS << "class '" << C.Name << "' at " << C.Location << "\n";
    for (const std::string &L : C.Lines)
      OS << "  " << L << "\n";
    // Which finding is about which member.
    std::vector<bool> Shown(Errors.size());
    auto About = [&](const ClangTidyError &E) {
      if (!llvm::StringRef(E.DiagnosticName).starts_with("raii-"))
        return false;
      if (within(C, Locator::realPath(E.Message.FilePath, E.BuildDirectory),
                 E.Message.FileOffset))
        return true;
      return llvm::any_of(E.Notes, [&](const tooling::DiagnosticMessage &N) {
        return within(C, Locator::realPath(N.FilePath, E.BuildDirectory),
                      N.FileOffset);
      });
    };
    for (const ExplainedCheck &Check : C.Checks) {
      OS << "  " << Check.Check << ":\n";
      for (const ExplainedCheck::Row &Row : Check.Rows) {
        for (size_t I = 0; I != Row.Lines.size(); ++I)
          OS << (I ? "      " : "    ") << Row.Lines[I] << "\n";
        for (size_t I = 0; I != Errors.size(); ++I)
          if (!Shown[I] && Errors[I].DiagnosticName == Check.Check &&
              About(Errors[I]) &&
              llvm::StringRef(Errors[I].Message.Message).contains(Row.Member)) {
            printFinding(Errors[I], Loc, "      ", OS);
            Shown[I] = true;
          }
      }
      for (const std::string &N : Check.Notes)
        OS << "    " << N << "\n";
      for (size_t I = 0; I != Errors.size(); ++I)
        if (!Shown[I] && Errors[I].DiagnosticName == Check.Check &&
            About(Errors[I])) {
          printFinding(Errors[I], Loc, "    ", OS);
          Shown[I] = true;
        }
    }
  }
  return Broken ? 1 : 0;
}
