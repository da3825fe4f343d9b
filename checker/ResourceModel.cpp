//===--- ResourceModel.cpp - raii-tidy ------------------------------------===//

#include "ResourceModel.h"
#include "AstQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/TargetInfo.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::raii {

const char DefaultCriticalSectionInitFunctions[] =
    "::InitializeCriticalSection;::InitializeCriticalSectionAndSpinCount;"
    "::InitializeCriticalSectionEx";
const char DefaultCriticalSectionDeleteFunctions[] = "::DeleteCriticalSection";

std::string FunctionSpec::str() const {
  std::string S = FullyQualified ? "::" + Name : Name;
  if (ArgIndex != 0)
    S += ":" + std::to_string(ArgIndex);
  return S;
}

llvm::StringRef FunctionSpec::unqualified() const {
  llvm::StringRef Last = llvm::StringRef(Name).rsplit("::").second;
  return Last.empty() ? llvm::StringRef(Name) : Last;
}

bool FunctionSpec::matches(const FunctionDecl &FD) const {
  const IdentifierInfo *II = FD.getIdentifier();
  // The last component first: Name ends in the identifier, after "::" or
  // alone.
  llvm::StringRef Rest = Name;
  if (!II || !Rest.consume_back(II->getName()) ||
      !(Rest.empty() || Rest.ends_with("::")))
    return false;
  // Compare the qualifiers from the innermost outward, without building the
  // qualified name (this runs for every call to a function of that name).
  // Linkage specifications and inline namespaces are transparent, as in
  // the names clang prints.
  const DeclContext *DC = FD.getDeclContext();
  auto Transparent = [](const DeclContext *C) {
    if (llvm::isa<LinkageSpecDecl, ExportDecl>(C))
      return true;
    const auto *NS = llvm::dyn_cast<NamespaceDecl>(C);
    return NS && NS->isInline();
  };
  while (Rest.consume_back("::")) {
    while (Transparent(DC))
      DC = DC->getParent();
    size_t Cut = Rest.rfind("::");
    llvm::StringRef Part =
        Cut == llvm::StringRef::npos ? Rest : Rest.substr(Cut + 2);
    const auto *ND = llvm::dyn_cast<NamedDecl>(DC);
    if (!ND || !ND->getIdentifier() || ND->getName() != Part)
      return false;
    Rest = Rest.drop_back(Part.size());
    DC = DC->getParent();
  }
  if (!FullyQualified)
    return true;
  while (Transparent(DC))
    DC = DC->getParent();
  return DC->isTranslationUnit();
}

namespace {

bool isIdentifier(llvm::StringRef S) {
  if (S.empty() || !isAsciiIdentifierStart(S.front()))
    return false;
  return llvm::all_of(S, [](char C) { return isAsciiIdentifierContinue(C); });
}

} // namespace

std::optional<FunctionSpec> parseFunctionName(llvm::StringRef Name) {
  FunctionSpec Spec;
  Name = Name.trim();
  if (Name.consume_front("::"))
    Spec.FullyQualified = true;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  if (!llvm::all_of(Parts, isIdentifier))
    return std::nullopt;
  Spec.Name = Name.str();
  return Spec;
}

std::optional<FunctionSpec> parseFunctionSpec(llvm::StringRef Entry) {
  llvm::StringRef Name = Entry;
  unsigned ArgIndex = 0;
  // A trailing ":N" (one colon, then digits) selects the argument.
  size_t Colon = Entry.rfind(':');
  if (Colon != llvm::StringRef::npos && Colon + 1 < Entry.size() &&
      isDigit(Entry[Colon + 1]) && (Colon == 0 || Entry[Colon - 1] != ':')) {
    if (Entry.substr(Colon + 1).getAsInteger(10, ArgIndex))
      return std::nullopt;
    Name = Entry.take_front(Colon);
  }
  std::optional<FunctionSpec> Spec = parseFunctionName(Name);
  if (Spec) {
    Spec->ArgIndex = ArgIndex;
    Spec->ExplicitIndex = Name.size() != Entry.size();
  }
  return Spec;
}

FunctionSet FunctionSet::of(std::vector<FunctionSpec> Specs) {
  FunctionSet Set;
  Set.Specs = std::move(Specs);
  for (unsigned I = 0, N = Set.Specs.size(); I != N; ++I)
    Set.ByName[Set.Specs[I].unqualified()].push_back(I);
  return Set;
}

llvm::SmallVector<llvm::StringRef, 8> splitOptionList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Parts, Result;
  Value.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Result.push_back(P.trim());
  return Result;
}

std::optional<FunctionSet> FunctionSet::parse(llvm::StringRef Value,
                                              std::string &BadEntry) {
  std::vector<FunctionSpec> Specs;
  for (llvm::StringRef Entry : splitOptionList(Value)) {
    std::optional<FunctionSpec> Spec = parseFunctionSpec(Entry);
    if (!Spec) {
      BadEntry = Entry.str();
      return std::nullopt;
    }
    Specs.push_back(std::move(*Spec));
  }
  return of(std::move(Specs));
}

std::optional<unsigned> FunctionSet::match(const FunctionDecl &FD) const {
  const IdentifierInfo *II = FD.getIdentifier();
  if (!II)
    return std::nullopt;
  auto It = ByName.find(II->getName());
  if (It == ByName.end())
    return std::nullopt;
  for (unsigned I : It->second)
    if (Specs[I].matches(FD))
      return Specs[I].ArgIndex;
  return std::nullopt;
}

std::string FunctionSet::serialize() const {
  std::string S;
  for (const FunctionSpec &Spec : Specs) {
    if (!S.empty())
      S += ';';
    S += Spec.str();
  }
  return S;
}

bool ResourceFamily::isResourceType(QualType T) const {
  if (T.isNull() || TypeNames.empty())
    return false;
  // A typedef name anywhere in the sugar chain, or the record itself.
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    const auto *TT = T->getAs<TypedefType>();
    if (!TT)
      break;
    if (llvm::is_contained(TypeNames, TT->getDecl()->getName()))
      return true;
    T = TT->desugar();
  }
  if (const RecordDecl *RD = T->getAsRecordDecl())
    return RD->getIdentifier() && llvm::is_contained(TypeNames, RD->getName());
  return false;
}

bool ResourceFamily::failureLeavesUnset(const FunctionDecl *Acquirer) const {
  if (FailureLeavesUnset)
    return true;
  if (AcquiredBy != AcquireForm::ReturnValue || !Acquirer)
    return false;
  for (const FunctionSpec &Spec : Acquire.specs())
    if (Spec.ExplicitIndex && Spec.matches(*Acquirer))
      return true;
  return false;
}

std::string
ResourceFamily::acquireSpelling(const FunctionDecl *Acquirer) const {
  switch (AcquiredBy) {
  case AcquireForm::New:
    return "'new'";
  case AcquireForm::NewArray:
    return "'new[]'";
  default:
    return Acquirer ? "'" + Acquirer->getNameAsString() + "'" : "'?'";
  }
}

llvm::SmallVector<llvm::StringRef, 4> ResourceFamily::releaseArguments() const {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  if (ReleaseArgs.empty()) {
    Parts.push_back(ReleaseTakesAddress ? "&_" : "_");
    return Parts;
  }
  llvm::StringRef(ReleaseArgs).split(Parts, ',');
  for (llvm::StringRef &P : Parts)
    P = P.trim();
  return Parts;
}

unsigned ResourceFamily::releaseResourceIndex() const {
  llvm::SmallVector<llvm::StringRef, 4> Parts = releaseArguments();
  for (unsigned I = 0; I != Parts.size(); ++I)
    if (Parts[I] == "_" || Parts[I] == "&_")
      return I;
  return 0;
}

llvm::SmallVector<unsigned, 2> ResourceFamily::releaseNeedsAcquireArgs() const {
  llvm::SmallVector<unsigned, 2> Needs;
  unsigned N;
  for (llvm::StringRef P : releaseArguments())
    if (P.consume_front("$") && !P.getAsInteger(10, N))
      Needs.push_back(N);
  return Needs;
}

std::string checkReleaseArgs(llvm::StringRef Args) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Args.split(Parts, ',');
  unsigned Resources = 0;
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    unsigned N;
    if (P == "_" || P == "&_")
      ++Resources;
    else if (P.empty())
      return "an argument is empty";
    else if (P.consume_front("$") && P.getAsInteger(10, N))
      return "'$" + P.str() + "' is not an argument of the acquisition";
  }
  if (Resources != 1)
    return "the release must take the resource ('_' or '&_') once";
  return "";
}

const FunctionSet &stableValueFunctions() {
  static const FunctionSet Set = [] {
    std::string Bad;
    return *FunctionSet::parse("::GetProcessHeap", Bad);
  }();
  return Set;
}

ResourceModel::ResourceModel(std::vector<ResourceFamily> Fams)
    : Families(std::move(Fams)) {
  std::string Bad;
  Uses = *FunctionSet::parse(
      // Critical sections (initializing or deleting one does not take over
      // the memory it lives in), Win32 handles, registry keys.
      "::InitializeCriticalSection;::InitializeCriticalSectionAndSpinCount;"
      "::InitializeCriticalSectionEx;::DeleteCriticalSection;"
      "::EnterCriticalSection;::LeaveCriticalSection;"
      "::TryEnterCriticalSection;::SetCriticalSectionSpinCount;"
      "::WaitForSingleObject;::WaitForSingleObjectEx;"
      "::WaitForMultipleObjects;::WaitForMultipleObjectsEx;"
      "::MsgWaitForMultipleObjects;::SignalObjectAndWait;::SetEvent;"
      "::ResetEvent;::PulseEvent;::ReleaseMutex;::ReleaseSemaphore;"
      "::SetWaitableTimer;::CancelWaitableTimer;::ReadFile;::WriteFile;"
      "::ReadFileEx;::WriteFileEx;::FlushFileBuffers;::GetFileSize;"
      "::GetFileSizeEx;::SetFilePointer;::SetFilePointerEx;::SetEndOfFile;"
      "::DeviceIoControl;::GetOverlappedResult;::MapViewOfFile;"
      "::MapViewOfFileEx;::ResumeThread;::SuspendThread;"
      "::GetExitCodeThread;::GetExitCodeProcess;::TerminateThread;"
      "::TerminateProcess;::SetThreadPriority;::GetThreadId;"
      "::GetProcessId;::RegQueryValueExA;::RegQueryValueExW;"
      "::RegSetValueExA;::RegSetValueExW;::RegEnumKeyExA;::RegEnumKeyExW;"
      "::RegEnumValueA;::RegEnumValueW;::RegDeleteValueA;::RegDeleteValueW;"
      "::RegFlushKey;::RegGetValueA;::RegGetValueW;"
      // Threads and locks.
      "::pthread_mutex_lock;::pthread_mutex_unlock;::pthread_mutex_trylock;"
      "::pthread_mutex_timedlock;::pthread_cond_wait;"
      "::pthread_cond_timedwait;::pthread_cond_signal;"
      "::pthread_cond_broadcast;::pthread_rwlock_rdlock;"
      "::pthread_rwlock_wrlock;::pthread_rwlock_unlock;"
      "::pthread_rwlock_tryrdlock;::pthread_rwlock_trywrlock;"
      "::pthread_spin_lock;::pthread_spin_unlock;::pthread_spin_trylock;"
      "::pthread_barrier_wait;::sem_wait;::sem_post;::sem_trywait;"
      "::sem_timedwait;::sem_getvalue;::mtx_lock;::mtx_unlock;::mtx_trylock;"
      "::mtx_timedlock;::cnd_wait;::cnd_timedwait;::cnd_signal;"
      "::cnd_broadcast;"
      // Streams and descriptors.
      "::fprintf;::vfprintf;::fputs;::fputc;::putc;::fgets;::fgetc;::getc;"
      "::fread;::fwrite;::fflush;::fseek;::ftell;::rewind;::feof;::ferror;"
      "::clearerr;::fscanf;::setvbuf;::fileno;::read;::write;::pread;"
      "::pwrite;::lseek;::fstat;::fsync;::ioctl;::fcntl;::send;::recv;"
      "::sendto;::recvfrom;::bind;::listen;::connect;::setsockopt;"
      "::getsockopt;::shutdown;::poll;::select;"
      // Memory.
      "::memset;::memcpy;::memmove;::memcmp;::strcpy;::strncpy;::strcat;"
      "::strncat;::strlen;::strcmp;::strncmp;::strchr;::strrchr;::strstr;"
      "::sprintf;::snprintf;::vsnprintf;::wcscpy;::wcslen;::wcsncpy;"
      "::std::memset;::std::memcpy;::std::memmove;::std::strlen",
      Bad);
  for (unsigned F = 0, N = Families.size(); F != N; ++F) {
    const ResourceFamily &Fam = Families[F];
    for (auto [Kind, Set] : {std::pair{RoleKind::Acquire, &Fam.Acquire},
                             std::pair{RoleKind::Release, &Fam.Release}})
      for (unsigned S = 0, M = Set->specs().size(); S != M; ++S)
        ByName[Set->specs()[S].unqualified()].push_back({F, Kind, S});
    if (Fam.AcquiredBy == AcquireForm::New && !New)
      New = &Fam;
    if (Fam.AcquiredBy == AcquireForm::NewArray && !NewArray)
      NewArray = &Fam;
    if (Fam.ReleasedBy == ReleaseForm::Delete && !Delete)
      Delete = &Fam;
    if (Fam.ReleasedBy == ReleaseForm::DeleteArray && !DeleteArray)
      DeleteArray = &Fam;
  }
}

namespace {

/// Whether the resource of \p Kind in \p Fam is an argument of the call, so
/// that the entry's argument index means something.
bool passesArgument(const ResourceFamily &Fam, RoleKind Kind,
                    const FunctionSpec &Spec) {
  return Kind == RoleKind::Acquire
             ? Fam.acquireForm(Spec) == AcquireForm::OutParam
             : Fam.ReleasedBy == ReleaseForm::Call;
}

bool hasArgument(const FunctionDecl &FD, unsigned Index) {
  return FD.isVariadic() || Index < FD.getNumParams();
}

/// The functions \p D declares, a function template's pattern included.
const FunctionDecl *functionOf(const NamedDecl *D) {
  if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
    return FTD->getTemplatedDecl();
  return llvm::dyn_cast<FunctionDecl>(D);
}

/// Whether an overload of \p FD that \p Spec names takes the argument.
bool anyOverloadHasArgument(const FunctionDecl &FD, const FunctionSpec &Spec) {
  for (const NamedDecl *D :
       FD.getDeclContext()->getRedeclContext()->lookup(FD.getDeclName()))
    if (const FunctionDecl *Other = functionOf(D))
      if (Spec.matches(*Other) && hasArgument(*Other, Spec.ArgIndex))
        return true;
  return false;
}

} // namespace

void ResourceModel::noteMisfit(const ResourceFamily &Fam, RoleKind Kind,
                               const FunctionSpec &Spec,
                               const FunctionDecl &FD) const {
  if (MisfitSpecs.insert(&Spec).second)
    Misfits.push_back({&Fam, Kind, &Spec, &FD});
}

void ResourceModel::findDeclaredMisfits(const ASTContext &Ctx) const {
  for (const ResourceFamily &Fam : Families)
    for (auto [Kind, Set] : {std::pair{RoleKind::Acquire, &Fam.Acquire},
                             std::pair{RoleKind::Release, &Fam.Release}}) {
      for (const FunctionSpec &Spec : Set->specs()) {
        if (!passesArgument(Fam, Kind, Spec))
          continue;
        // Only the user's entries that name an argument and a scope: they
        // are looked up by name, which costs nothing for the others.
        if (Spec.Builtin || Spec.ArgIndex == 0 || !Spec.FullyQualified ||
            MisfitSpecs.count(&Spec))
          continue;
        const DeclContext *DC = Ctx.getTranslationUnitDecl();
        llvm::SmallVector<llvm::StringRef, 4> Parts;
        llvm::StringRef(Spec.Name).split(Parts, "::");
        const FunctionDecl *Misfit = nullptr;
        bool Fits = false;
        for (unsigned I = 0, N = Parts.size(); I != N && DC && !Fits; ++I) {
          auto Ident = Ctx.Idents.find(Parts[I]);
          if (Ident == Ctx.Idents.end())
            break; // Never spelled in this translation unit.
          const DeclContext *Inner = nullptr;
          for (const NamedDecl *D : DC->lookup(Ident->getValue())) {
            if (I + 1 != N) {
              if (const auto *Scope = llvm::dyn_cast<DeclContext>(D))
                if (llvm::isa<NamespaceDecl, CXXRecordDecl>(D))
                  Inner = Scope->getPrimaryContext();
              continue;
            }
            const FunctionDecl *FD = functionOf(D);
            if (!FD || !Spec.matches(*FD))
              continue;
            if (hasArgument(*FD, Spec.ArgIndex))
              Fits = true;
            else if (!Misfit)
              Misfit = FD;
          }
          DC = Inner;
        }
        if (Misfit && !Fits)
          noteMisfit(Fam, Kind, Spec, *Misfit);
      }
    }
}

ResourceModel::Callee ResourceModel::lookup(const FunctionDecl &FD) const {
  if (auto Memo = Callees.find(&FD); Memo != Callees.end())
    return Memo->second;
  Callee C;
  // A function with a body in user code is judged by its body, whatever its
  // name: only the names of the tables are known APIs (CalleeSummaries reads
  // the body).
  bool UserDefined = userDefinition(FD);
  C.Use = !UserDefined && Uses.match(FD).has_value();
  if (!UserDefined) {
    C.FreesArg = storageFreeFunctions().match(FD);
    C.ReallocArg = reallocFunctions().match(FD);
  }
  const IdentifierInfo *II = FD.getIdentifier();
  auto It = II ? ByName.find(II->getName()) : ByName.end();
  bool Windows = FD.getASTContext().getTargetInfo().getTriple().isOSWindows();
  if (It != ByName.end()) {
    for (const Entry &E : It->second) {
      const ResourceFamily &Fam = Families[E.Family];
      if ((Fam.OnlyOn == ResourceFamily::Platform::Windows && !Windows) ||
          (Fam.OnlyOn == ResourceFamily::Platform::NotWindows && Windows))
        continue;
      const FunctionSet &Set =
          E.Kind == RoleKind::Acquire ? Fam.Acquire : Fam.Release;
      const FunctionSpec &Spec = Set.specs()[E.Spec];
      if ((UserDefined && Spec.Builtin) || !Spec.matches(FD))
        continue;
      if (passesArgument(Fam, E.Kind, Spec) &&
          !hasArgument(FD, Spec.ArgIndex)) {
        if (!Spec.Builtin && !anyOverloadHasArgument(FD, Spec))
          noteMisfit(Fam, E.Kind, Spec, FD);
        continue;
      }
      C.Roles.push_back(
          {&Fam, E.Kind, Spec.ArgIndex, nullptr, Fam.acquireForm(Spec)});
    }
  }
  Callees[&FD] = C;
  return C;
}

bool acquiresOfType(const FunctionRole &R, QualType Resource) {
  return R.Kind == RoleKind::Acquire &&
         (!R.Family->isTyped() || R.Family->isResourceType(Resource));
}

bool acquiresByValue(const FunctionRole &R, QualType Holder) {
  return R.Form == AcquireForm::ReturnValue && acquiresOfType(R, Holder);
}

const ResourceFamily *ResourceModel::typedFamilyOf(QualType T) const {
  auto [Memo, New] = TypedFamilies.try_emplace(T.getAsOpaquePtr(), nullptr);
  if (!New)
    return Memo->second;
  for (const ResourceFamily &F : Families)
    if (F.isTyped() && F.isResourceType(T))
      return Memo->second = &F;
  return nullptr;
}

const FunctionSet &reallocFunctions() {
  static const FunctionSet Set = [] {
    std::string Bad;
    return *FunctionSet::parse("::realloc;::std::realloc;::reallocarray;"
                               "::_recalloc;::_aligned_realloc",
                               Bad);
  }();
  return Set;
}

const FunctionSet &storageFreeFunctions() {
  static const FunctionSet Set = [] {
    std::string Bad;
    return *FunctionSet::parse("::free;::HeapFree:2;::LocalFree;::GlobalFree;"
                               "::CoTaskMemFree;::_aligned_free;::VirtualFree;"
                               "::std::free",
                               Bad);
  }();
  return Set;
}

const char DefaultLifecyclePairs[] =
    "Init:Term;Initialize:Uninitialize;Open:Close;Start:Stop;Create:Destroy;"
    "Attach:Detach;FinalConstruct:FinalRelease:once;NativeConstruct:~";

std::optional<std::vector<LifecyclePair>>
parseLifecyclePairs(llvm::StringRef Value, std::string &BadEntry,
                    std::string &Why) {
  std::vector<LifecyclePair> Pairs;
  auto IsName = [](llvm::StringRef S) {
    return !S.empty() && !isDigit(S.front()) &&
           llvm::all_of(S, [](char C) { return isAsciiIdentifierContinue(C); });
  };
  for (llvm::StringRef Entry : splitOptionList(Value)) {
    llvm::SmallVector<llvm::StringRef, 3> Parts;
    Entry.split(Parts, ':');
    for (llvm::StringRef &P : Parts)
      P = P.trim();
    LifecyclePair Pair;
    if (Parts.size() < 2 || Parts.size() > 3 || !IsName(Parts[0]) ||
        (Parts[1] != "~" && !IsName(Parts[1])) ||
        (Parts.size() == 3 && Parts[2] != "once")) {
      BadEntry = Entry.str();
      Why = "expected 'open:close' with two method names, 'open:~' when "
            "only the destructor closes, or 'open:close:once'";
      return std::nullopt;
    }
    if (Parts[0] == Parts[1]) {
      BadEntry = Entry.str();
      Why = "a method cannot open and close the same lifecycle";
      return std::nullopt;
    }
    Pair.Open = Parts[0].str();
    if (Parts[1] != "~")
      Pair.Close = Parts[1].str();
    Pair.Once = Parts.size() == 3;
    if (Pair.Once && Pair.Close.empty()) {
      BadEntry = Entry.str();
      Why = "'once' needs a closing method";
      return std::nullopt;
    }
    Pairs.push_back(std::move(Pair));
  }
  return Pairs;
}

} // namespace clang::tidy::raii
