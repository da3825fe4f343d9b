//===--- ResourceFamilies.cpp - raii-tidy ---------------------------------===//
//
// The resource model's data: the built-in family table, one row per family,
// and the parser of the user's families (the CustomFamilies syntax).
//
//===----------------------------------------------------------------------===//

#include "ResourceModel.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::raii {

namespace {

/// One row of the family table.
struct Row {
  const char *Id, *Name, *Acquired, *Released;
  AcquireForm AcquiredBy;
  ReleaseForm ReleasedBy;
  bool ReleaseTakesAddress;
  const char *TypeNames; ///< ';'-separated.
  const char *Acquire, *Release;
  bool NeedsNonNull = false;
  ResourceFamily::Platform OnlyOn = ResourceFamily::Platform::Any;
  bool AcceptsNull = false;
};

ResourceFamily familyOf(const Row &R) {
  ResourceFamily F;
  F.Id = R.Id;
  F.Name = R.Name;
  F.Acquired = R.Acquired;
  F.Released = R.Released;
  F.AcquiredBy = R.AcquiredBy;
  F.ReleasedBy = R.ReleasedBy;
  F.ReleaseTakesAddress = R.ReleaseTakesAddress;
  F.ReleaseNeedsNonNull = R.NeedsNonNull;
  F.ReleaseAcceptsNull = R.AcceptsNull;
  F.OnlyOn = R.OnlyOn;
  llvm::SmallVector<llvm::StringRef, 3> Types;
  llvm::StringRef(R.TypeNames).split(Types, ';', -1, false);
  for (llvm::StringRef T : Types)
    F.TypeNames.push_back(T.str());
  std::string Bad;
  F.Acquire = *FunctionSet::parse(R.Acquire, Bad);
  F.Release = *FunctionSet::parse(R.Release, Bad);
  F.Acquire.markBuiltin();
  F.Release.markBuiltin();
  return F;
}

using AF = AcquireForm;
using RF = ReleaseForm;

// clang-format off
const Row CriticalSection = {
    "critical-section", "critical section", "initialized", "deleted",
    AF::OutParam, RF::Call, true,
    "CRITICAL_SECTION;RTL_CRITICAL_SECTION;_RTL_CRITICAL_SECTION",
    DefaultCriticalSectionInitFunctions, DefaultCriticalSectionDeleteFunctions};

const Row DefaultRows[] = {
    {"pthread-mutex", "mutex", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "pthread_mutex_t",
     "::pthread_mutex_init", "::pthread_mutex_destroy"},
    {"pthread-cond", "condition variable", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "pthread_cond_t",
     "::pthread_cond_init", "::pthread_cond_destroy"},
    {"pthread-rwlock", "read-write lock", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "pthread_rwlock_t",
     "::pthread_rwlock_init", "::pthread_rwlock_destroy"},
    {"pthread-spinlock", "spin lock", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "pthread_spinlock_t",
     "::pthread_spin_init", "::pthread_spin_destroy"},
    {"pthread-barrier", "barrier", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "pthread_barrier_t",
     "::pthread_barrier_init", "::pthread_barrier_destroy"},
    {"posix-semaphore", "semaphore", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "sem_t", "::sem_init", "::sem_destroy"},
    {"c11-mutex", "mutex", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "mtx_t", "::mtx_init", "::mtx_destroy"},
    {"c11-condition", "condition variable", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "cnd_t", "::cnd_init", "::cnd_destroy"},
    {"win32-handle", "handle", "created", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::CreateEventA;::CreateEventW;::CreateEventExA;::CreateEventExW;"
     "::CreateMutexA;::CreateMutexW;::CreateMutexExA;::CreateMutexExW;"
     "::CreateSemaphoreA;::CreateSemaphoreW;::CreateSemaphoreExA;"
     "::CreateSemaphoreExW;::CreateWaitableTimerA;::CreateWaitableTimerW;"
     "::CreateWaitableTimerExA;::CreateWaitableTimerExW;::CreateThread;"
     "::CreateRemoteThread;::CreateFileA;::CreateFileW;::CreateFile2;"
     "::CreateFileMappingA;::CreateFileMappingW;::CreateNamedPipeA;"
     "::CreateNamedPipeW;::CreateMailslotA;::CreateMailslotW;"
     "::OpenProcess;::OpenThread;::OpenEventA;::OpenEventW;::OpenMutexA;"
     "::OpenMutexW;::OpenSemaphoreA;::OpenSemaphoreW;"
     "::OpenWaitableTimerA;::OpenWaitableTimerW;::OpenFileMappingA;"
     "::OpenFileMappingW",
     "::CloseHandle"},
    {"win32-registry-key", "registry key", "opened", "closed",
     AF::OutParam, RF::Call, false, "HKEY",
     "::RegOpenKeyExA:4;::RegOpenKeyExW:4;::RegCreateKeyExA:7;"
     "::RegCreateKeyExW:7;::RegOpenKeyA:2;::RegOpenKeyW:2;"
     "::RegCreateKeyA:2;::RegCreateKeyW:2;::RegOpenCurrentUser:1",
     "::RegCloseKey"},
    {"stdio-file", "file", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::fopen;::fdopen;::tmpfile;::fopen64;::_wfopen;::_fdopen;::_wfdopen",
     "::fclose", /*NeedsNonNull=*/true},
    {"heap-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "",
     "::malloc;::calloc;::realloc;::strdup;::strndup;::wcsdup;::_strdup;"
     "::_wcsdup;::std::malloc;::std::calloc;::std::realloc",
     "::free;::std::free", false, ResourceFamily::Platform::Any,
     /*AcceptsNull=*/true},
    {"new", "memory", "allocated", "deleted",
     AF::New, RF::Delete, false, "", "", "", false,
     ResourceFamily::Platform::Any, /*AcceptsNull=*/true},
    {"new-array", "memory", "allocated", "deleted",
     AF::NewArray, RF::DeleteArray, false, "", "", "", false,
     ResourceFamily::Platform::Any, /*AcceptsNull=*/true},
    {"posix-descriptor", "file descriptor", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::open;::open64;::openat;::creat;::socket;::accept;::accept4;::dup;"
     "::epoll_create;::epoll_create1;::eventfd;::timerfd_create;"
     "::inotify_init;::inotify_init1;::memfd_create",
     "::close", false, ResourceFamily::Platform::NotWindows},
    {"winsock-socket", "socket", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::socket;::accept;::WSASocketA;::WSASocketW;::WSAAccept",
     "::closesocket", false, ResourceFamily::Platform::Windows},
    {"atl-critical-section", "critical section", "initialized", "terminated",
     AF::Method, RF::Method, false, "",
     "CComCriticalSection::Init", "CComCriticalSection::Term"},
};
// clang-format on

} // namespace

ResourceFamily criticalSectionFamily() { return familyOf(CriticalSection); }

const std::vector<ResourceFamily> &defaultFamilies() {
  static const std::vector<ResourceFamily> Families = [] {
    std::vector<ResourceFamily> Result;
    for (const Row &R : DefaultRows)
      Result.push_back(familyOf(R));
    return Result;
  }();
  return Families;
}

namespace {

/// One pattern of a user-defined family, `_` standing for the resource.
struct Pattern {
  enum Kind { Call, Assign, New, NewArray, Method, Delete, DeleteArray } K;
  FunctionSpec Fn;
  bool ByAddress = false;
};

/// The argument index of `_` or `&_` among \p Args ("*, &_").
std::optional<std::pair<unsigned, bool>>
resourceArgument(llvm::StringRef Args) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Args.split(Parts, ',');
  std::optional<std::pair<unsigned, bool>> Found;
  for (unsigned I = 0; I != Parts.size(); ++I) {
    llvm::StringRef P = Parts[I].trim();
    if (P != "_" && P != "&_")
      continue;
    if (Found)
      return std::nullopt; // Two resources.
    Found = {I, P == "&_"};
  }
  return Found;
}

/// `name(args)`: the name and the text between the parentheses.
std::optional<std::pair<FunctionSpec, llvm::StringRef>>
callPattern(llvm::StringRef P) {
  size_t Open = P.find('(');
  if (Open == llvm::StringRef::npos || !P.ends_with(")"))
    return std::nullopt;
  std::optional<FunctionSpec> Fn = parseFunctionName(P.take_front(Open));
  if (!Fn)
    return std::nullopt;
  return std::pair{*Fn, P.slice(Open + 1, P.size() - 1)};
}

std::optional<Pattern> parsePattern(llvm::StringRef P, bool IsAcquire) {
  P = P.trim();
  Pattern Pat;
  if (IsAcquire && P.consume_front("_")) {
    P = P.ltrim();
    if (P.consume_front(".")) {
      // _.Class::Method()
      std::optional<std::pair<FunctionSpec, llvm::StringRef>> C =
          callPattern(P);
      if (!C || !C->second.trim().empty() ||
          !llvm::StringRef(C->first.Name).contains("::"))
        return std::nullopt;
      Pat.K = Pattern::Method;
      Pat.Fn = C->first;
      return Pat;
    }
    if (!P.consume_front("="))
      return std::nullopt;
    P = P.trim();
    if (P == "new" || P == "new[]") {
      Pat.K = P == "new" ? Pattern::New : Pattern::NewArray;
      return Pat;
    }
    std::optional<std::pair<FunctionSpec, llvm::StringRef>> C = callPattern(P);
    if (!C)
      return std::nullopt;
    Pat.K = Pattern::Assign;
    Pat.Fn = C->first;
    return Pat;
  }
  if (!IsAcquire) {
    if (P.consume_front("delete")) {
      P = P.trim();
      bool Array = P.consume_front("[]");
      if (P.trim() != "_")
        return std::nullopt;
      Pat.K = Array ? Pattern::DeleteArray : Pattern::Delete;
      return Pat;
    }
    if (P.consume_front("_")) {
      P = P.ltrim();
      if (!P.consume_front("."))
        return std::nullopt;
      std::optional<std::pair<FunctionSpec, llvm::StringRef>> C =
          callPattern(P.trim());
      if (!C || !C->second.trim().empty() ||
          !llvm::StringRef(C->first.Name).contains("::"))
        return std::nullopt;
      Pat.K = Pattern::Method;
      Pat.Fn = C->first;
      return Pat;
    }
  }
  std::optional<std::pair<FunctionSpec, llvm::StringRef>> C = callPattern(P);
  if (!C)
    return std::nullopt;
  std::optional<std::pair<unsigned, bool>> Arg = resourceArgument(C->second);
  if (!Arg || (IsAcquire && !Arg->second))
    return std::nullopt; // An out-parameter is passed by address.
  Pat.K = Pattern::Call;
  Pat.Fn = C->first;
  Pat.Fn.ArgIndex = Arg->first;
  Pat.ByAddress = Arg->second;
  return Pat;
}

} // namespace

std::optional<ResourceFamily> parseFamily(llvm::StringRef Entry,
                                          std::string &Why) {
  auto [Name, Rest] = Entry.split(':');
  Name = Name.trim();
  if (Name.empty() || Rest.empty() || !llvm::all_of(Name, [](char C) {
        return isAsciiIdentifierContinue(C) || C == '-' || C == ' ';
      })) {
    Why = "expected 'name: acquire -> release'";
    return std::nullopt;
  }
  auto [Acquires, Releases] = Rest.split("->");
  if (Releases.empty()) {
    Why = "expected '->' between the acquire and release patterns";
    return std::nullopt;
  }
  ResourceFamily F;
  F.Id = F.Name = Name.str();
  std::vector<FunctionSpec> AcquireSpecs, ReleaseSpecs;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  // Patterns are separated by ',' outside parentheses.
  auto SplitPatterns = [&](llvm::StringRef S) {
    Parts.clear();
    unsigned Depth = 0;
    size_t Start = 0;
    for (size_t I = 0; I != S.size(); ++I) {
      if (S[I] == '(')
        ++Depth;
      else if (S[I] == ')' && Depth)
        --Depth;
      else if (S[I] == ',' && !Depth) {
        Parts.push_back(S.slice(Start, I));
        Start = I + 1;
      }
    }
    Parts.push_back(S.substr(Start));
  };
  SplitPatterns(Acquires);
  for (unsigned I = 0; I != Parts.size(); ++I) {
    std::optional<Pattern> P = parsePattern(Parts[I], /*IsAcquire=*/true);
    if (!P) {
      Why = "cannot parse acquire pattern '" + Parts[I].trim().str() + "'";
      return std::nullopt;
    }
    AcquireForm Form = P->K == Pattern::Assign     ? AcquireForm::ReturnValue
                       : P->K == Pattern::New      ? AcquireForm::New
                       : P->K == Pattern::NewArray ? AcquireForm::NewArray
                       : P->K == Pattern::Method   ? AcquireForm::Method
                                                   : AcquireForm::OutParam;
    if (I != 0 && Form != F.AcquiredBy) {
      Why = "the acquire patterns of a family must all have the same form";
      return std::nullopt;
    }
    F.AcquiredBy = Form;
    if (P->K != Pattern::New && P->K != Pattern::NewArray)
      AcquireSpecs.push_back(P->Fn);
  }
  SplitPatterns(Releases);
  for (unsigned I = 0; I != Parts.size(); ++I) {
    std::optional<Pattern> P = parsePattern(Parts[I], /*IsAcquire=*/false);
    if (!P) {
      Why = "cannot parse release pattern '" + Parts[I].trim().str() + "'";
      return std::nullopt;
    }
    ReleaseForm Form = P->K == Pattern::Delete        ? ReleaseForm::Delete
                       : P->K == Pattern::DeleteArray ? ReleaseForm::DeleteArray
                       : P->K == Pattern::Method      ? ReleaseForm::Method
                                                      : ReleaseForm::Call;
    if (I != 0 &&
        (Form != F.ReleasedBy || (Form == ReleaseForm::Call &&
                                  P->ByAddress != F.ReleaseTakesAddress))) {
      Why = "the release patterns of a family must all have the same form";
      return std::nullopt;
    }
    F.ReleasedBy = Form;
    F.ReleaseTakesAddress = P->ByAddress;
    if (Form == ReleaseForm::Call || Form == ReleaseForm::Method)
      ReleaseSpecs.push_back(P->Fn);
  }
  if ((F.AcquiredBy == AcquireForm::Method) !=
      (F.ReleasedBy == ReleaseForm::Method)) {
    Why = "a family acquired by a method is released by a method, and only "
          "then";
    return std::nullopt;
  }
  F.Acquire = FunctionSet::of(std::move(AcquireSpecs));
  F.Release = FunctionSet::of(std::move(ReleaseSpecs));
  return F;
}

} // namespace clang::tidy::raii
