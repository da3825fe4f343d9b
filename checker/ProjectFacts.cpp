//===--- ProjectFacts.cpp - raii-tidy -------------------------------------===//

#include "ProjectFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <mutex>

namespace clang::tidy::raii {

//===----------------------------------------------------------------------===//
// Reading and writing
//===----------------------------------------------------------------------===//

namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

constexpr llvm::StringLiteral FormatName = "raii-tidy-facts";

constexpr std::pair<AcquireForm, llvm::StringLiteral> FormNames[] = {
    {AcquireForm::OutParam, "out-param"},
    {AcquireForm::ReturnValue, "return-value"},
    {AcquireForm::New, "new"},
    {AcquireForm::NewArray, "new-array"},
    {AcquireForm::Method, "method"}};

llvm::StringRef acquireFormName(AcquireForm F) {
  for (const auto &[Form, Name] : FormNames)
    if (Form == F)
      return Name;
  return "";
}

Value placeJSON(const FactPlace &P) {
  return Object{{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

Array strings(const std::vector<std::string> &V) {
  Array A;
  for (const std::string &S : V)
    A.push_back(S);
  return A;
}

Value factJSON(const StoredFact &F) {
  Object O{{"kind", factKindName(F.Kind)},
           {"member", F.Member},
           {"place", placeJSON(F.Place)}};
  if (F.Pointee)
    O["pointee"] = true;
  if (!F.Family.empty())
    O["family"] = F.Family;
  if (F.Guarded)
    O["guarded"] = true;
  if (F.ExitPath)
    O["exit"] = true;
  if (!F.Callee.empty())
    O["callee"] = F.Callee;
  if (!F.Cast.empty())
    O["cast"] = F.Cast;
  if (!F.Allocated.empty())
    O["allocated"] = F.Allocated;
  if (F.UnsetOnFailure)
    O["unset-on-failure"] = true;
  return O;
}

Value functionJSON(const StoredFunction &F) {
  Object O{{"name", F.Name}, {"place", placeJSON(F.Place)}};
  if (F.IndirectCall)
    O["indirect-call"] = true;
  if (F.HandsOffThis)
    O["hands-off-this"] = true;
  Array Facts, Calls;
  for (const StoredFact &Fct : F.Facts)
    Facts.push_back(factJSON(Fct));
  for (const StoredCall &C : F.Calls) {
    Object CO{{"callee", C.Callee}, {"place", placeJSON(C.Place)}};
    if (C.Guarded)
      CO["guarded"] = true;
    if (C.Deferred)
      CO["deferred"] = true;
    Calls.push_back(std::move(CO));
  }
  O["facts"] = std::move(Facts);
  O["calls"] = std::move(Calls);
  if (!F.ReleaseAddressTaken.empty())
    O["release-address-taken"] = strings(F.ReleaseAddressTaken);
  if (F.Callee) {
    Array Roles;
    for (const StoredCallee::Role &R : F.Callee->Roles)
      Roles.push_back(
          Object{{"family", R.Family},
                 {"kind", R.Kind == RoleKind::Acquire ? "acquire" : "release"},
                 {"arg", R.Arg},
                 {"form", acquireFormName(R.Form)}});
    O["callee"] = Object{{"roles", std::move(Roles)},
                         {"only-used", F.Callee->OnlyUsedArgs}};
  }
  if (F.Append) {
    Object A{{"place", placeJSON(F.Append->Place)},
             {"indent", F.Append->Indent},
             {"eol", F.Append->EOL},
             {"declared", strings(F.Append->Declared)}};
    if (F.Append->SpaceBefore)
      A["space-before"] = true;
    O["append"] = std::move(A);
  }
  return O;
}

/// Reads the JSON of a facts file; each reader reports the first thing it
/// cannot read as a path into the document.
class Reader {
public:
  explicit Reader(std::string &Error) : Error(Error) {}

  bool fail(llvm::StringRef Where, llvm::StringRef What) {
    if (Error.empty())
      Error = (Where + ": " + What).str();
    return false;
  }

  bool str(const Object &O, llvm::StringRef Key, std::string &Out,
           llvm::StringRef Where, bool Required = true) {
    const Value *V = O.get(Key);
    if (!V)
      return !Required || fail(Where, ("no '" + Key + "'").str());
    std::optional<llvm::StringRef> S = V->getAsString();
    if (!S)
      return fail(Where, ("'" + Key + "' is not a string").str());
    Out = S->str();
    return true;
  }

  bool flag(const Object &O, llvm::StringRef Key, bool &Out,
            llvm::StringRef Where) {
    const Value *V = O.get(Key);
    if (!V)
      return true;
    std::optional<bool> B = V->getAsBoolean();
    if (!B)
      return fail(Where, ("'" + Key + "' is not a boolean").str());
    Out = *B;
    return true;
  }

  bool stringList(const Object &O, llvm::StringRef Key,
                  std::vector<std::string> &Out, llvm::StringRef Where) {
    const Value *V = O.get(Key);
    if (!V)
      return true;
    const Array *A = V->getAsArray();
    if (!A)
      return fail(Where, ("'" + Key + "' is not a list").str());
    for (const Value &E : *A) {
      std::optional<llvm::StringRef> S = E.getAsString();
      if (!S)
        return fail(Where, ("'" + Key + "' holds a non-string").str());
      Out.push_back(S->str());
    }
    return true;
  }

  bool place(const Object &O, FactPlace &Out, llvm::StringRef Where) {
    const Object *P = O.getObject("place");
    if (!P)
      return fail(Where, "no 'place'");
    std::optional<int64_t> Line = P->getInteger("line");
    std::optional<int64_t> Col = P->getInteger("column");
    if (!Line || !Col || *Line < 0 || *Col < 0)
      return fail(Where, "'place' has no line and column");
    Out.Line = *Line;
    Out.Column = *Col;
    return str(*P, "file", Out.File, Where);
  }

  bool fact(const Value &V, StoredFact &Out, llvm::StringRef Where) {
    const Object *O = V.getAsObject();
    if (!O)
      return fail(Where, "a fact is not an object");
    std::string Kind;
    if (!str(*O, "kind", Kind, Where))
      return false;
    std::optional<FactKind> K = factKindNamed(Kind);
    if (!K)
      return fail(Where, "unknown fact kind '" + Kind + "'");
    Out.Kind = *K;
    return str(*O, "member", Out.Member, Where) &&
           flag(*O, "pointee", Out.Pointee, Where) &&
           str(*O, "family", Out.Family, Where, false) &&
           flag(*O, "guarded", Out.Guarded, Where) &&
           flag(*O, "exit", Out.ExitPath, Where) &&
           str(*O, "callee", Out.Callee, Where, false) &&
           str(*O, "cast", Out.Cast, Where, false) &&
           str(*O, "allocated", Out.Allocated, Where, false) &&
           flag(*O, "unset-on-failure", Out.UnsetOnFailure, Where) &&
           place(*O, Out.Place, Where);
  }

  bool function(const Value &V, StoredFunction &Out, llvm::StringRef Where) {
    const Object *O = V.getAsObject();
    if (!O)
      return fail(Where, "not an object");
    if (!str(*O, "name", Out.Name, Where) || !place(*O, Out.Place, Where) ||
        !flag(*O, "indirect-call", Out.IndirectCall, Where) ||
        !flag(*O, "hands-off-this", Out.HandsOffThis, Where) ||
        !stringList(*O, "release-address-taken", Out.ReleaseAddressTaken,
                    Where))
      return false;
    const Array *Facts = O->getArray("facts");
    const Array *Calls = O->getArray("calls");
    if (!Facts || !Calls)
      return fail(Where, "no 'facts' or 'calls' list");
    for (const Value &F : *Facts)
      if (!fact(F, Out.Facts.emplace_back(), Where))
        return false;
    for (const Value &C : *Calls) {
      const Object *CO = C.getAsObject();
      StoredCall &SC = Out.Calls.emplace_back();
      if (!CO || !str(*CO, "callee", SC.Callee, Where) ||
          !flag(*CO, "guarded", SC.Guarded, Where) ||
          !flag(*CO, "deferred", SC.Deferred, Where) ||
          !place(*CO, SC.Place, Where))
        return fail(Where, "a call is not readable");
    }
    if (const Object *C = O->getObject("callee")) {
      StoredCallee &SC = Out.Callee.emplace();
      std::optional<int64_t> Only = C->getInteger("only-used");
      const Array *Roles = C->getArray("roles");
      if (!Roles)
        return fail(Where, "'callee' has no 'roles'");
      SC.OnlyUsedArgs = Only ? static_cast<uint64_t>(*Only) : 0;
      for (const Value &RV : *Roles) {
        const Object *RO = RV.getAsObject();
        StoredCallee::Role &R = SC.Roles.emplace_back();
        std::string Kind, Form;
        std::optional<int64_t> Arg = RO ? RO->getInteger("arg") : std::nullopt;
        if (!RO || !Arg || !str(*RO, "family", R.Family, Where) ||
            !str(*RO, "kind", Kind, Where) || !str(*RO, "form", Form, Where))
          return fail(Where, "a role is not readable");
        R.Kind = Kind == "release" ? RoleKind::Release : RoleKind::Acquire;
        R.Arg = *Arg;
        bool Known = false;
        for (const auto &[F, Name] : FormNames)
          if (Form == Name) {
            R.Form = F;
            Known = true;
          }
        if (!Known || (Kind != "acquire" && Kind != "release"))
          return fail(Where, "a role is not readable");
      }
    }
    if (const Object *A = O->getObject("append")) {
      StoredAppend &SA = Out.Append.emplace();
      if (!place(*A, SA.Place, Where) || !str(*A, "indent", SA.Indent, Where) ||
          !str(*A, "eol", SA.EOL, Where) ||
          !flag(*A, "space-before", SA.SpaceBefore, Where) ||
          !stringList(*A, "declared", SA.Declared, Where))
        return false;
    }
    return true;
  }

  bool copies(const Array &A, std::vector<StoredCopy> &Out) {
    for (const Value &C : A) {
      const Object *O = C.getAsObject();
      StoredCopy &SC = Out.emplace_back();
      std::optional<int64_t> Line = O ? O->getInteger("line") : std::nullopt;
      std::optional<int64_t> Col = O ? O->getInteger("column") : std::nullopt;
      if (!O || !Line || !Col ||
          !str(*O, "operation", SC.Operation, "copies") ||
          !str(*O, "file", SC.Place.File, "copies"))
        return fail("copies", "a copy is not readable");
      SC.Place.Line = *Line;
      SC.Place.Column = *Col;
    }
    return true;
  }

  bool derived(const Value &V, StoredDerived &Out, llvm::StringRef Where) {
    const Object *O = V.getAsObject();
    if (!O)
      return fail(Where, "not an object");
    return str(*O, "name", Out.Name, Where) && place(*O, Out.Place, Where) &&
           flag(*O, "opaque", Out.Opaque, Where) &&
           stringList(*O, "effects", Out.Effects, Where);
  }

private:
  std::string &Error;
};

} // namespace

std::optional<FactKind> factKindNamed(llvm::StringRef Name) {
  for (FactKind K :
       {FactKind::Acquire, FactKind::Release, FactKind::Free, FactKind::Escape,
        FactKind::Null, FactKind::TakeOver, FactKind::Adopt})
    if (Name == factKindName(K))
      return K;
  return std::nullopt;
}

llvm::json::Value FactsFile::toJSON() const {
  Object Checks;
  for (const auto &[Name, BySet] : this->Checks) {
    Object Sets;
    for (const auto &[Fingerprint, CF] : BySet) {
      Object Functions, Derived;
      for (const auto &[USR, F] : CF.Functions)
        Functions[USR] = functionJSON(F);
      for (const auto &[USR, List] : CF.Derived) {
        Array A;
        for (const StoredDerived &D : List) {
          Object O{{"name", D.Name},
                   {"place", placeJSON(D.Place)},
                   {"effects", strings(D.Effects)}};
          if (D.Opaque)
            O["opaque"] = true;
          A.push_back(std::move(O));
        }
        Derived[USR] = std::move(A);
      }
      Sets[Fingerprint] = Object{{"functions", std::move(Functions)},
                                 {"derived", std::move(Derived)}};
    }
    Checks[Name] = std::move(Sets);
  }
  Object Files, Copies;
  for (const auto &[Path, Hash] : this->Files)
    Files[Path] = Hash;
  for (const auto &[USR, List] : this->Copies) {
    Array A;
    for (const StoredCopy &C : List)
      A.push_back(Object{{"file", C.Place.File},
                         {"line", C.Place.Line},
                         {"column", C.Place.Column},
                         {"operation", C.Operation}});
    Copies[USR] = std::move(A);
  }
  return Object{{"format", FormatName},        {"version", FactsVersion},
                {"tus", strings(TUs)},         {"files", std::move(Files)},
                {"checks", std::move(Checks)}, {"copies", std::move(Copies)}};
}

//===----------------------------------------------------------------------===//
// Names, hashes and places
//===----------------------------------------------------------------------===//

std::string hexHash(llvm::StringRef Data) {
  return llvm::utohexstr(llvm::xxh3_64bits(Data), /*LowerCase=*/true,
                         /*Width=*/16);
}

std::string usrOf(const Decl &D) {
  llvm::SmallString<128> Buf;
  if (index::generateUSRForDecl(&D, Buf))
    return "";
  return Buf.str().str();
}

std::string contentHash(llvm::StringRef Path) {
  struct Entry {
    llvm::sys::TimePoint<> Time;
    uint64_t Size;
    std::string Hash;
  };
  static std::mutex M;
  static llvm::StringMap<Entry> Memo;
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return "";
  {
    std::lock_guard<std::mutex> Lock(M);
    auto It = Memo.find(Path);
    if (It != Memo.end() &&
        It->second.Time == Status.getLastModificationTime() &&
        It->second.Size == Status.getSize())
      return It->second.Hash;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return "";
  std::string Hash = hexHash((*Buf)->getBuffer());
  std::lock_guard<std::mutex> Lock(M);
  Memo[Path] = {Status.getLastModificationTime(), Status.getSize(), Hash};
  return Hash;
}

std::string derivedEffect(FactKind Kind, llvm::StringRef Member, bool Pointee,
                          llvm::StringRef Family) {
  std::string S = std::string(factKindName(Kind)) + ":" + Member.str();
  if (Kind == FactKind::Release)
    S += std::string(Pointee ? ":1:" : ":0:") + Family.str();
  return S;
}

std::string memberKey(const TrackedMember &M) {
  std::string Key = M.spelling();
  if (M.InheritedFrom)
    Key += "@" + M.InheritedFrom->getQualifiedNameAsString();
  return Key;
}

/// \p Name made absolute (against the working directory), without `.` and
/// `..`.
static std::string normalizedPath(llvm::StringRef Name) {
  llvm::SmallString<256> Path(Name);
  if (llvm::sys::fs::make_absolute(Path))
    return Name.str();
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return Path.str().str();
}

FactPlace placeOf(SourceLocation Loc, const SourceManager &SM) {
  FactPlace P;
  Loc = SM.getExpansionLoc(Loc);
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Loc));
  if (!File)
    return P;
  P.File = normalizedPath(File->getName());
  P.Line = SM.getExpansionLineNumber(Loc);
  P.Column = SM.getExpansionColumnNumber(Loc);
  return P;
}

SourceLocation locationOf(const FactPlace &Place, SourceManager &SM) {
  if (Place.File.empty() || Place.Line == 0)
    return {};
  // Named relative to the working directory when below it, as clang-tidy
  // names the files of a compilation database's entries.
  llvm::StringRef Name = Place.File;
  llvm::SmallString<256> Cwd;
  if (!llvm::sys::fs::current_path(Cwd) && Name.starts_with(Cwd) &&
      Name.size() > Cwd.size() + 1 &&
      llvm::sys::path::is_separator(Name[Cwd.size()]))
    Name = Name.drop_front(Cwd.size() + 1);
  llvm::Expected<FileEntryRef> File = SM.getFileManager().getFileRef(Name);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  FileID FID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  return SM.translateLineCol(FID, Place.Line, Place.Column);
}

SourceLocation factLocation(const Fact &F, SourceManager &SM) {
  if (F.Site)
    return F.Site->getBeginLoc();
  return F.Stored ? locationOf(F.Stored->Place, SM) : SourceLocation();
}

std::string describePlace(const FactPlace &Place, const SourceManager &SM) {
  llvm::StringRef Path = Place.File;
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID())) {
    llvm::SmallString<256> Dir(normalizedPath(Main->getName()));
    llvm::sys::path::remove_filename(Dir);
    llvm::StringRef Prefix = Dir;
    if (!Prefix.empty() && Path.starts_with(Prefix) &&
        Path.size() > Prefix.size() &&
        llvm::sys::path::is_separator(Path[Prefix.size()]))
      Path = Path.drop_front(Prefix.size() + 1);
  }
  std::string S = Path.str();
  if (Place.Line)
    S += ":" + std::to_string(Place.Line);
  return S;
}

//===----------------------------------------------------------------------===//
// The facts of a check run
//===----------------------------------------------------------------------===//

namespace {

/// Finds the extent of JSON values without building them: enough to index a
/// facts file in one pass. Strict about structure (brackets, strings,
/// commas), so a truncated or broken file is found here.
class Scanner {
public:
  explicit Scanner(llvm::StringRef Text) : T(Text) {}

  bool fail(llvm::StringRef What) {
    if (Error.empty())
      Error = "not JSON: " + What.str() + " at byte " + std::to_string(P);
    return false;
  }
  void space() {
    while (P < T.size() &&
           (T[P] == ' ' || T[P] == '\n' || T[P] == '\r' || T[P] == '\t'))
      ++P;
  }
  bool peek(char C) {
    space();
    return P < T.size() && T[P] == C;
  }
  bool expect(char C) {
    if (!peek(C))
      return fail(std::string("expected '") + C + "'");
    ++P;
    return true;
  }
  /// A string; its text (escapes kept as written) in \p Out.
  bool string(llvm::StringRef &Out) {
    if (!expect('"'))
      return false;
    size_t Start = P;
    while (P < T.size() && T[P] != '"')
      P += T[P] == '\\' ? 2 : 1;
    if (P >= T.size())
      return fail("unterminated string");
    Out = T.slice(Start, P++);
    return true;
  }
  /// Skips one value; its text in \p Out.
  bool value(llvm::StringRef &Out) {
    space();
    size_t Start = P;
    if (P >= T.size())
      return fail("unexpected end");
    char C = T[P];
    if (C == '"') {
      llvm::StringRef Ignored;
      if (!string(Ignored))
        return false;
    } else if (C == '{' || C == '[') {
      if (!members(C == '{', [&](llvm::StringRef) {
            llvm::StringRef Ignored;
            return value(Ignored);
          }))
        return false;
    } else {
      while (P < T.size() && !llvm::StringRef(",]} \n\r\t").contains(T[P]))
        ++P;
      if (P == Start)
        return fail("unexpected character");
    }
    Out = T.slice(Start, P);
    return true;
  }
  /// An object (\p Object) or array; \p Each reads the value of each
  /// member (given its key) or element.
  bool members(bool Object,
               llvm::function_ref<bool(llvm::StringRef Key)> Each) {
    if (!expect(Object ? '{' : '['))
      return false;
    char Close = Object ? '}' : ']';
    if (peek(Close)) {
      ++P;
      return true;
    }
    while (true) {
      llvm::StringRef Key;
      if (Object && (!string(Key) || !expect(':')))
        return false;
      if (!Each(Key))
        return false;
      if (peek(',')) {
        ++P;
        continue;
      }
      return expect(Close);
    }
  }
  bool atEnd() {
    space();
    return P == T.size() || fail("text after the object");
  }

  std::string Error;

private:
  llvm::StringRef T;
  size_t P = 0;
};

/// A key as JSON spells it, unescaped (USRs and paths have no escapes but
/// for backslashes and quotes).
std::string unescaped(llvm::StringRef Key) {
  if (!Key.contains('\\'))
    return Key.str();
  llvm::Expected<llvm::json::Value> V =
      llvm::json::parse(("\"" + Key + "\"").str());
  if (!V) {
    llvm::consumeError(V.takeError());
    return Key.str();
  }
  return V->getAsString().value_or(Key).str();
}

} // namespace

struct ProjectFacts::Section {
  /// The JSON text of each function and derived list, by USR.
  llvm::StringMap<llvm::StringRef> Functions, Derived;
};

struct ProjectFacts::Index {
  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  std::map<std::string, std::map<std::string, Section>> Checks;
  llvm::StringMap<std::string> Files;
  llvm::StringMap<std::vector<StoredCopy>> Copies;
  /// What has been parsed, for all the checks of the process (clangd's
  /// included: hence the lock).
  std::mutex M;
  /// By the address of their text: one per section and function.
  llvm::DenseMap<const char *, std::unique_ptr<StoredFunction>> Functions;
  llvm::DenseMap<const char *, std::vector<StoredDerived>> Derived;
};

ProjectFacts::~ProjectFacts() = default;

std::shared_ptr<const ProjectFacts> ProjectFacts::load(llvm::StringRef Path,
                                                       std::string &Error) {
  // One load per process and version of the file: the checks of a run, and
  // clangd's many runs, share it.
  struct Cached {
    llvm::sys::TimePoint<> Time;
    uint64_t Size;
    std::shared_ptr<const ProjectFacts> Facts;
  };
  static std::mutex M;
  static llvm::StringMap<Cached> Cache;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Error = "cannot read it: " + EC.message();
    return nullptr;
  }
  std::lock_guard<std::mutex> Lock(M);
  auto It = Cache.find(Path);
  if (It != Cache.end() &&
      It->second.Time == Status.getLastModificationTime() &&
      It->second.Size == Status.getSize())
    return It->second.Facts;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = "cannot read it: " + Buf.getError().message();
    return nullptr;
  }
  auto I = std::make_unique<Index>();
  I->Buffer = std::move(*Buf);
  Scanner S(I->Buffer->getBuffer());
  std::optional<int64_t> Version;
  std::string Format;
  llvm::StringRef Files, Copies;
  bool Ok = S.members(/*Object=*/true, [&](llvm::StringRef Key) {
    llvm::StringRef V;
    if (Key == "checks")
      return S.members(true, [&](llvm::StringRef Check) {
        return S.members(true, [&](llvm::StringRef Fingerprint) {
          Section &Sect = I->Checks[unescaped(Check)][unescaped(Fingerprint)];
          return S.members(true, [&](llvm::StringRef Part) {
            llvm::StringMap<llvm::StringRef> *Into =
                Part == "functions" ? &Sect.Functions
                : Part == "derived" ? &Sect.Derived
                                    : nullptr;
            if (!Into)
              return S.value(V);
            return S.members(true, [&](llvm::StringRef USR) {
              return S.value((*Into)[unescaped(USR)]);
            });
          });
        });
      });
    if (!S.value(V))
      return false;
    if (Key == "format")
      Format = V.trim('"').str();
    else if (int64_t N; Key == "version" && !V.getAsInteger(10, N))
      Version = N;
    else if (Key == "files")
      Files = V;
    else if (Key == "copies")
      Copies = V;
    return true;
  }) && S.atEnd();
  if (!Ok) {
    Error = S.Error;
    return nullptr;
  }
  if (Format != FormatName) {
    Error = "not a raii-tidy facts file (no \"format\": \"raii-tidy-facts\")";
    return nullptr;
  }
  if (!Version || *Version != FactsVersion) {
    Error = "facts format version " +
            (Version ? std::to_string(*Version) : std::string("unknown")) +
            ", but this raii-tidy reads version " +
            std::to_string(FactsVersion) + ": collect the facts again";
    return nullptr;
  }
  // The small parts are read now.
  llvm::Expected<Value> FilesV =
      llvm::json::parse(Files.empty() ? "{}" : Files);
  llvm::Expected<Value> CopiesV =
      llvm::json::parse(Copies.empty() ? "{}" : Copies);
  if (!FilesV || !CopiesV) {
    llvm::consumeError(FilesV.takeError());
    llvm::consumeError(CopiesV.takeError());
    Error = "'files' or 'copies' is not readable";
    return nullptr;
  }
  Reader R(Error);
  if (const Object *O = FilesV->getAsObject())
    for (const auto &[File, Hash] : *O)
      I->Files[File] = Hash.getAsString().value_or("").str();
  if (const Object *O = CopiesV->getAsObject())
    for (const auto &[USR, List] : *O) {
      const Array *A = List.getAsArray();
      if (!A || !R.copies(*A, I->Copies[USR]))
        return Error.empty() ? (Error = "a copy is not readable", nullptr)
                             : nullptr;
    }
  auto Facts = std::make_shared<ProjectFacts>();
  Facts->Path = Path.str();
  Facts->I = std::move(I);
  Cache[Path] = {Status.getLastModificationTime(), Status.getSize(), Facts};
  return Facts;
}

const ProjectFacts::Section *
ProjectFacts::section(llvm::StringRef Check,
                      llvm::StringRef Fingerprint) const {
  auto It = I->Checks.find(Check.str());
  if (It == I->Checks.end())
    return nullptr;
  auto Sect = It->second.find(Fingerprint.str());
  return Sect == It->second.end() ? nullptr : &Sect->second;
}

const StoredFunction *ProjectFacts::function(const Section &S,
                                             llvm::StringRef USR) const {
  auto Text = S.Functions.find(USR);
  if (Text == S.Functions.end())
    return nullptr;
  std::lock_guard<std::mutex> Lock(I->M);
  auto [It, New] = I->Functions.try_emplace(Text->second.data());
  if (New) {
    std::string Error;
    llvm::Expected<Value> V = llvm::json::parse(Text->second);
    auto F = std::make_unique<StoredFunction>();
    if (V && Reader(Error).function(*V, *F, USR))
      It->second = std::move(F);
    else if (!V)
      llvm::consumeError(V.takeError());
  }
  return It->second.get();
}

llvm::ArrayRef<StoredDerived> ProjectFacts::derived(const Section &S,
                                                    llvm::StringRef USR) const {
  auto Text = S.Derived.find(USR);
  if (Text == S.Derived.end())
    return {};
  std::lock_guard<std::mutex> Lock(I->M);
  auto [It, New] = I->Derived.try_emplace(Text->second.data());
  if (New) {
    std::string Error;
    llvm::Expected<Value> V = llvm::json::parse(Text->second);
    const Array *A = V ? V->getAsArray() : nullptr;
    if (!V)
      llvm::consumeError(V.takeError());
    Reader R(Error);
    if (A)
      for (const Value &D : *A)
        if (!R.derived(D, It->second.emplace_back(), USR)) {
          // Unreadable: as if a derived destructor may do anything.
          It->second.clear();
          It->second.emplace_back().Opaque = true;
          break;
        }
  }
  return It->second;
}

llvm::ArrayRef<StoredCopy> ProjectFacts::copies(llvm::StringRef USR) const {
  auto It = I->Copies.find(USR);
  if (It == I->Copies.end())
    return {};
  return It->second;
}

llvm::StringRef ProjectFacts::hashOf(llvm::StringRef File) const {
  auto It = I->Files.find(File);
  return It == I->Files.end() ? llvm::StringRef() : It->second;
}

ProjectView::ProjectView(std::shared_ptr<const ProjectFacts> F,
                         llvm::StringRef Check, llvm::StringRef Fingerprint)
    : Facts(std::move(F)), Sect(Facts->section(Check, Fingerprint)) {}

bool ProjectView::current(const std::string &File) {
  auto [It, New] = Current.try_emplace(File, false);
  if (!New)
    return It->second;
  llvm::StringRef Recorded = Facts->hashOf(File);
  It->second = !Recorded.empty() && Recorded == contentHash(File);
  if (!It->second)
    Stale.push_back(File);
  return It->second;
}

const StoredFunction *ProjectView::function(const FunctionDecl &FD,
                                            bool *Stale) {
  if (!Sect)
    return nullptr;
  const StoredFunction *F =
      Facts->function(*Sect, usrOf(*FD.getCanonicalDecl()));
  if (!F)
    return nullptr;
  if (!current(F->Place.File)) {
    if (Stale)
      *Stale = true;
    return nullptr;
  }
  return F;
}

bool ProjectView::mayAcquire(const CXXRecordDecl &RD) {
  for (const Decl *D : RD.decls()) {
    const auto *FD = llvm::dyn_cast<FunctionDecl>(D);
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      FD = FTD->getTemplatedDecl();
    if (!FD || FD->isImplicit() || FD->hasBody())
      continue;
    if (const StoredFunction *SF = function(*FD))
      if (llvm::any_of(SF->Facts, [](const StoredFact &F) {
            return F.Kind == FactKind::Acquire;
          }))
        return true;
  }
  return false;
}

/// The family of \p Model whose id is \p Id, or null.
static const ResourceFamily *familyById(const ResourceModel &Model,
                                        llvm::StringRef Id) {
  for (const ResourceFamily &F : Model.families())
    if (F.Id == Id)
      return &F;
  return nullptr;
}

std::optional<CalleeSummary> ProjectView::calleeOf(const FunctionDecl &FD,
                                                   const ResourceModel &Model) {
  if (llvm::isa<CXXMethodDecl>(FD))
    return std::nullopt;
  const StoredFunction *F = function(FD);
  if (!F || !F->Callee)
    return std::nullopt;
  CalleeSummary S;
  S.OnlyUsedArgs = F->Callee->OnlyUsedArgs;
  for (const StoredCallee::Role &R : F->Callee->Roles) {
    const ResourceFamily *Family = familyById(Model, R.Family);
    if (!Family)
      return std::nullopt; // The model changed: unknown.
    FunctionRole Role{Family, R.Kind, R.Arg};
    Role.Form = R.Form;
    S.Roles.push_back(Role);
  }
  return S;
}

llvm::ArrayRef<StoredDerived>
ProjectView::derivedFrom(const CXXRecordDecl &RD) {
  if (!Sect)
    return {};
  return Facts->derived(*Sect, usrOf(RD));
}

std::optional<std::vector<StoredCopy>>
ProjectView::copiesOf(const CXXRecordDecl &RD) {
  llvm::ArrayRef<StoredCopy> Copies = Facts->copies(usrOf(RD));
  for (const StoredCopy &C : Copies)
    if (!current(C.Place.File))
      return std::nullopt;
  return std::vector<StoredCopy>(Copies.begin(), Copies.end());
}

//===----------------------------------------------------------------------===//
// From stored facts back to a summary
//===----------------------------------------------------------------------===//

FunctionSummary resolveStoredFunction(
    const StoredFunction &SF, const MemberTable &Members,
    const ResourceModel &Model,
    llvm::function_ref<const FunctionDecl *(llvm::StringRef)> MethodOf,
    std::vector<MethodCall> &CallStorage) {
  FunctionSummary S;
  S.IndirectCall = SF.IndirectCall;
  S.HandsOffThis = SF.HandsOffThis;
  llvm::StringMap<unsigned> ByKey;
  for (unsigned I = 0, N = Members.members().size(); I != N; ++I)
    ByKey.try_emplace(memberKey(Members[I]), I);
  for (const StoredFact &F : SF.Facts) {
    auto Member = ByKey.find(F.Member);
    const ResourceFamily *Family =
        F.Family.empty() ? nullptr : familyById(Model, F.Family);
    if (Member == ByKey.end() || (!F.Family.empty() && !Family)) {
      // The class or the model changed: anything may happen.
      S.HandsOffThis = true;
      continue;
    }
    Fact &Out = S.Facts.emplace_back();
    Out.Kind = F.Kind;
    Out.Key = {Member->second, F.Pointee, Family};
    Out.Site = nullptr;
    Out.Guarded = F.Guarded;
    Out.ExitPath = F.ExitPath;
    Out.Stored = &F;
  }
  for (const std::string &Id : SF.ReleaseAddressTaken)
    if (const ResourceFamily *F = familyById(Model, Id))
      S.ReleaseAddressTaken.push_back(F);
  for (const StoredCall &C : SF.Calls) {
    const FunctionDecl *Callee = MethodOf(C.Callee);
    if (!Callee) {
      if (!C.Deferred)
        S.HandsOffThis = true;
      continue;
    }
    CallStorage.push_back({Callee, nullptr, C.Guarded, C.Deferred});
  }
  S.Calls = CallStorage;
  return S;
}

} // namespace clang::tidy::raii
