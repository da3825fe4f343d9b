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
  const char *Invalid = "";     ///< ResourceFamily::InvalidValue.
  const char *ReleaseArgs = ""; ///< ResourceFamily::ReleaseArgs.
  bool FailureLeavesUnset = false;
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
  F.InvalidValue = R.Invalid;
  F.ReleaseArgs = R.ReleaseArgs;
  F.FailureLeavesUnset = R.FailureLeavesUnset;
  std::string Bad;
  F.Acquire = *FunctionSet::parse(R.Acquire, Bad);
  F.Release = *FunctionSet::parse(R.Release, Bad);
  if (!F.ReleaseArgs.empty()) {
    assert(checkReleaseArgs(F.ReleaseArgs).empty() && "bad release template");
    // The template says where the resource goes.
    std::vector<FunctionSpec> Specs(F.Release.specs().begin(),
                                    F.Release.specs().end());
    for (FunctionSpec &Spec : Specs)
      Spec.ArgIndex = F.releaseResourceIndex();
    F.ReleaseTakesAddress =
        F.releaseArguments()[F.releaseResourceIndex()] == "&_";
    F.Release = FunctionSet::of(std::move(Specs));
  }
  F.Acquire.markBuiltin();
  F.Release.markBuiltin();
  return F;
}

using AF = AcquireForm;
using RF = ReleaseForm;
constexpr ResourceFamily::Platform Any = ResourceFamily::Platform::Any;

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
     "::OpenFileMappingW;::CreateToolhelp32Snapshot;::CreateIoCompletionPort;"
     "::_beginthreadex;::CreateJobObjectA;::CreateJobObjectW;"
     "::OpenJobObjectA;::OpenJobObjectW;::CreateFileTransactedA;"
     "::CreateFileTransactedW;::ReOpenFile;::OpenFileById;"
     "::CreateMemoryResourceNotification;::CreateConsoleScreenBuffer;"
     "::CreateFileMappingFromApp;::CreateFileMappingNumaA;"
     "::CreateFileMappingNumaW;::OpenProcessToken:2;::OpenThreadToken:3",
     "::CloseHandle"},
    {"win32-registry-key", "registry key", "opened", "closed",
     AF::OutParam, RF::Call, false, "HKEY",
     "::RegOpenKeyExA:4;::RegOpenKeyExW:4;::RegCreateKeyExA:7;"
     "::RegCreateKeyExW:7;::RegOpenKeyA:2;::RegOpenKeyW:2;"
     "::RegCreateKeyA:2;::RegCreateKeyW:2;::RegOpenCurrentUser:1",
     "::RegCloseKey"},
    {"stdio-file", "file", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::fopen;::fdopen;::tmpfile;::fopen64;::_wfopen;::_fdopen;::_wfdopen;"
     "::tmpfile64;::fmemopen",
     "::fclose", /*NeedsNonNull=*/true},
    {"heap-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "",
     "::malloc;::calloc;::realloc;::strdup;::strndup;::wcsdup;::_strdup;"
     "::_wcsdup;::std::malloc;::std::calloc;::std::realloc;::aligned_alloc;"
     "::std::aligned_alloc;::valloc;::pvalloc;::memalign;::reallocarray;"
     "::wcsndup;::get_current_dir_name;::canonicalize_file_name;"
     "::backtrace_symbols;::tempnam;::posix_memalign:0;::asprintf:0;"
     "::vasprintf:0;::_dupenv_s:0;::_wdupenv_s:0",
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
     "::inotify_init;::inotify_init1;::memfd_create;::mkstemp;::mkostemp;"
     "::mkstemps;::mkostemps;::mkstemp64;::shm_open;::signalfd;"
     "::fanotify_init;::posix_openpt;::pidfd_open;::open_by_handle_at",
     "::close", false, ResourceFamily::Platform::NotWindows},
    {"winsock-socket", "socket", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::socket;::accept;::WSASocketA;::WSASocketW;::WSAAccept",
     "::closesocket", false, ResourceFamily::Platform::Windows},
    {"atl-critical-section", "critical section", "initialized", "terminated",
     AF::Method, RF::Method, false, "",
     "CComCriticalSection::Init", "CComCriticalSection::Term"},
    // Rows added in issue 19: ids are never reused or renamed.
    {"win32-module", "module", "loaded", "freed",
     AF::ReturnValue, RF::Call, false, "",
     "::LoadLibraryA;::LoadLibraryW;::LoadLibraryExA;::LoadLibraryExW;"
     "::LoadPackagedLibrary",
     "::FreeLibrary", /*NeedsNonNull=*/true},
    {"win32-find", "find handle", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::FindFirstFileA;::FindFirstFileW;::FindFirstFileExA;"
     "::FindFirstFileExW;::FindFirstFileTransactedA;"
     "::FindFirstFileTransactedW;::FindFirstStreamW;::FindFirstFileNameW",
     "::FindClose", true, Any, false, "INVALID_HANDLE_VALUE"},
    {"win32-change-notification", "change notification", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::FindFirstChangeNotificationA;::FindFirstChangeNotificationW",
     "::FindCloseChangeNotification", true, Any, false,
     "INVALID_HANDLE_VALUE"},
    {"win32-volume-find", "volume find handle", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::FindFirstVolumeA;::FindFirstVolumeW", "::FindVolumeClose", true, Any,
     false, "INVALID_HANDLE_VALUE"},
    {"win32-file-view", "file view", "mapped", "unmapped",
     AF::ReturnValue, RF::Call, false, "",
     "::MapViewOfFile;::MapViewOfFileEx;::MapViewOfFileExNuma;"
     "::MapViewOfFileFromApp",
     "::UnmapViewOfFile", true},
    {"com-task-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::CoTaskMemAlloc",
     "::CoTaskMemFree", false, Any, /*AcceptsNull=*/true},
    {"bstr", "string", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "",
     "::SysAllocString;::SysAllocStringLen;::SysAllocStringByteLen",
     "::SysFreeString", false, Any, true},
    {"win32-heap-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::HeapAlloc", "::HeapFree", true,
     Any, false, "", "$0, 0, _"},
    {"win32-virtual-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::VirtualAlloc",
     "::VirtualFree", true, Any, false, "", "_, 0, MEM_RELEASE"},
    {"win32-virtual-memory-ex", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "",
     "::VirtualAllocEx;::VirtualAllocExNuma", "::VirtualFreeEx", true, Any,
     false, "", "$0, _, 0, MEM_RELEASE"},
    {"win32-local-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::LocalAlloc", "::LocalFree",
     false, Any, true},
    {"win32-global-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::GlobalAlloc", "::GlobalFree",
     true},
    {"win32-private-heap", "heap", "created", "destroyed",
     AF::ReturnValue, RF::Call, false, "", "::HeapCreate", "::HeapDestroy",
     true},
    {"win32-gdi-object", "GDI object", "created", "deleted",
     AF::ReturnValue, RF::Call, false, "",
     "::CreatePen;::CreatePenIndirect;::ExtCreatePen;::CreateSolidBrush;"
     "::CreateHatchBrush;::CreatePatternBrush;::CreateBrushIndirect;"
     "::CreateDIBPatternBrushPt;::CreateFontA;::CreateFontW;"
     "::CreateFontIndirectA;::CreateFontIndirectW;::CreateFontIndirectExA;"
     "::CreateFontIndirectExW;::CreateBitmap;::CreateBitmapIndirect;"
     "::CreateCompatibleBitmap;::CreateDIBitmap;::CreateDIBSection;"
     "::CreateDiscardableBitmap;::LoadBitmapA;::LoadBitmapW;"
     "::CreateRectRgn;::CreateRectRgnIndirect;::CreateRoundRectRgn;"
     "::CreateEllipticRgn;::CreateEllipticRgnIndirect;::CreatePolygonRgn;"
     "::CreatePolyPolygonRgn;::ExtCreateRegion;::PathToRegion;"
     "::CreatePalette;::CreateHalftonePalette",
     "::DeleteObject", true},
    {"win32-dc", "device context", "created", "deleted",
     AF::ReturnValue, RF::Call, false, "",
     "::CreateCompatibleDC;::CreateDCA;::CreateDCW;::CreateICA;::CreateICW",
     "::DeleteDC", true},
    {"win32-window-dc", "device context", "retrieved", "released",
     AF::ReturnValue, RF::Call, false, "",
     "::GetDC;::GetWindowDC;::GetDCEx", "::ReleaseDC", true, Any, false, "",
     "$0, _"},
    {"win32-icon", "icon", "created", "destroyed",
     AF::ReturnValue, RF::Call, false, "",
     "::CreateIcon;::CreateIconIndirect;::CreateIconFromResource;"
     "::CreateIconFromResourceEx;::CopyIcon;::ExtractIconA;::ExtractIconW",
     "::DestroyIcon", true},
    {"win32-cursor", "cursor", "created", "destroyed",
     AF::ReturnValue, RF::Call, false, "", "::CreateCursor",
     "::DestroyCursor", true},
    {"win32-menu", "menu", "created", "destroyed",
     AF::ReturnValue, RF::Call, false, "",
     "::CreateMenu;::CreatePopupMenu;::LoadMenuA;::LoadMenuW;"
     "::LoadMenuIndirectA;::LoadMenuIndirectW",
     "::DestroyMenu", true},
    {"win32-accelerator-table", "accelerator table", "created", "destroyed",
     AF::ReturnValue, RF::Call, false, "",
     "::CreateAcceleratorTableA;::CreateAcceleratorTableW",
     "::DestroyAcceleratorTable", true},
    {"win32-hook", "hook", "installed", "removed",
     AF::ReturnValue, RF::Call, false, "",
     "::SetWindowsHookExA;::SetWindowsHookExW", "::UnhookWindowsHookEx",
     true},
    {"win32-tls-index", "TLS index", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::TlsAlloc", "::TlsFree", true,
     Any, false, "TLS_OUT_OF_INDEXES"},
    {"win32-fls-index", "FLS index", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::FlsAlloc", "::FlsFree", true,
     Any, false, "FLS_OUT_OF_INDEXES"},
    {"win32-service-handle", "service handle", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::OpenSCManagerA;::OpenSCManagerW;::OpenServiceA;::OpenServiceW;"
     "::CreateServiceA;::CreateServiceW",
     "::CloseServiceHandle", true},
    {"win32-internet-handle", "internet handle", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::InternetOpenA;::InternetOpenW;::InternetConnectA;::InternetConnectW;"
     "::InternetOpenUrlA;::InternetOpenUrlW;::HttpOpenRequestA;"
     "::HttpOpenRequestW;::FtpOpenFileA;::FtpOpenFileW",
     "::InternetCloseHandle", true},
    {"win32-event-source", "event source", "registered", "deregistered",
     AF::ReturnValue, RF::Call, false, "",
     "::RegisterEventSourceA;::RegisterEventSourceW",
     "::DeregisterEventSource", true},
    {"win32-timer-queue", "timer queue", "created", "deleted",
     AF::ReturnValue, RF::Call, false, "", "::CreateTimerQueue",
     "::DeleteTimerQueue", true},
    {"win32-threadpool", "thread pool", "created", "closed",
     AF::ReturnValue, RF::Call, false, "", "::CreateThreadpool",
     "::CloseThreadpool", true},
    {"win32-threadpool-work", "thread pool work object", "created", "closed",
     AF::ReturnValue, RF::Call, false, "", "::CreateThreadpoolWork",
     "::CloseThreadpoolWork", true},
    {"win32-threadpool-timer", "thread pool timer", "created", "closed",
     AF::ReturnValue, RF::Call, false, "", "::CreateThreadpoolTimer",
     "::CloseThreadpoolTimer", true},
    {"win32-threadpool-wait", "thread pool wait object", "created", "closed",
     AF::ReturnValue, RF::Call, false, "", "::CreateThreadpoolWait",
     "::CloseThreadpoolWait", true},
    {"win32-desktop", "desktop", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::CreateDesktopA;::CreateDesktopW;::OpenDesktopA;::OpenDesktopW;"
     "::OpenInputDesktop",
     "::CloseDesktop", true},
    {"win32-window-station", "window station", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::CreateWindowStationA;::CreateWindowStationW;::OpenWindowStationA;"
     "::OpenWindowStationW",
     "::CloseWindowStation", true},
    {"win32-activation-context", "activation context", "created", "released",
     AF::ReturnValue, RF::Call, false, "", "::CreateActCtxA;::CreateActCtxW",
     "::ReleaseActCtx", true, Any, false, "INVALID_HANDLE_VALUE"},
    {"win32-crypt-provider", "cryptographic provider", "acquired", "released",
     AF::OutParam, RF::Call, false, "",
     "::CryptAcquireContextA;::CryptAcquireContextW", "::CryptReleaseContext",
     true, Any, false, "", "_, 0", true},
    {"winsock-event", "event", "created", "closed",
     AF::ReturnValue, RF::Call, false, "", "::WSACreateEvent",
     "::WSACloseEvent", true, Any, false, "WSA_INVALID_EVENT"},
    {"crt-aligned-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "",
     "::_aligned_malloc;::_aligned_offset_malloc", "::_aligned_free", false,
     Any, true},
    {"crt-descriptor", "file descriptor", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::_open;::_wopen;::_sopen;::_wsopen;::_creat;::_wcreat;::_dup",
     "::_close", true, ResourceFamily::Platform::Windows, false, "-1"},
    {"crt-pipe-stream", "pipe stream", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "", "::_popen;::_wpopen", "::_pclose",
     true, ResourceFamily::Platform::Windows},
    {"posix-directory", "directory stream", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "", "::opendir;::fdopendir",
     "::closedir", true},
    {"posix-dynamic-library", "library handle", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "", "::dlopen;::dlmopen", "::dlclose",
     true},
    {"posix-pipe-stream", "pipe stream", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "", "::popen", "::pclose", true,
     ResourceFamily::Platform::NotWindows},
    {"posix-mapping", "mapping", "mapped", "unmapped",
     AF::ReturnValue, RF::Call, false, "", "::mmap;::mmap64", "::munmap",
     true, ResourceFamily::Platform::NotWindows, false, "MAP_FAILED",
     "_, $1"},
    {"posix-addrinfo", "address list", "allocated", "freed",
     AF::OutParam, RF::Call, false, "", "::getaddrinfo:3", "::freeaddrinfo",
     true, Any, false, "", "", true},
    {"posix-regex", "regular expression", "compiled", "freed",
     AF::OutParam, RF::Call, true, "regex_t", "::regcomp", "::regfree", false,
     Any, false, "", "", true},
    {"posix-iconv", "conversion descriptor", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "", "::iconv_open", "::iconv_close",
     true, Any, false, "(iconv_t)-1"},
    {"pthread-key", "thread-specific data key", "created", "deleted",
     AF::OutParam, RF::Call, false, "pthread_key_t", "::pthread_key_create",
     "::pthread_key_delete", false, Any, false, "", "", true},
    {"posix-timer", "timer", "created", "deleted",
     AF::OutParam, RF::Call, false, "timer_t", "::timer_create:2",
     "::timer_delete", false, Any, false, "", "", true},
    {"pthread-mutexattr", "mutex attributes object", "initialized",
     "destroyed", AF::OutParam, RF::Call, true, "pthread_mutexattr_t",
     "::pthread_mutexattr_init", "::pthread_mutexattr_destroy"},
    {"pthread-condattr", "condition attributes object", "initialized",
     "destroyed", AF::OutParam, RF::Call, true, "pthread_condattr_t",
     "::pthread_condattr_init", "::pthread_condattr_destroy"},
    {"pthread-rwlockattr", "read-write lock attributes object", "initialized",
     "destroyed", AF::OutParam, RF::Call, true, "pthread_rwlockattr_t",
     "::pthread_rwlockattr_init", "::pthread_rwlockattr_destroy"},
    {"pthread-attr", "thread attributes object", "initialized", "destroyed",
     AF::OutParam, RF::Call, true, "pthread_attr_t", "::pthread_attr_init",
     "::pthread_attr_destroy"},
    {"posix-named-semaphore", "named semaphore", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "", "::sem_open", "::sem_close", true,
     ResourceFamily::Platform::NotWindows, false, "SEM_FAILED"},
    {"posix-message-queue", "message queue", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "", "::mq_open", "::mq_close", false,
     ResourceFamily::Platform::NotWindows},
    {"posix-locale", "locale", "created", "freed",
     AF::ReturnValue, RF::Call, false, "", "::newlocale;::duplocale",
     "::freelocale", true},
    {"posix-glob", "glob result", "filled", "freed",
     AF::OutParam, RF::Call, true, "glob_t", "::glob:3", "::globfree"},
    {"posix-wordexp", "word expansion", "filled", "freed",
     AF::OutParam, RF::Call, true, "wordexp_t", "::wordexp:1", "::wordfree"},
    {"win32-event-log", "event log handle", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::OpenEventLogA;::OpenEventLogW;::OpenBackupEventLogA;"
     "::OpenBackupEventLogW",
     "::CloseEventLog", true},
    {"winhttp-handle", "WinHTTP handle", "opened", "closed",
     AF::ReturnValue, RF::Call, false, "",
     "::WinHttpOpen;::WinHttpConnect;::WinHttpOpenRequest",
     "::WinHttpCloseHandle", true},
    {"win32-sid", "SID", "allocated", "freed",
     AF::OutParam, RF::Call, false, "", "::AllocateAndInitializeSid:10",
     "::FreeSid", true, Any, false, "", "", true},
    {"rpc-string", "RPC string", "allocated", "freed",
     AF::OutParam, RF::Call, true, "", "::UuidToStringA:1", "::RpcStringFreeA",
     true, Any, false, "", "", true},
    {"crt-locale", "locale", "created", "freed",
     AF::ReturnValue, RF::Call, false, "", "::_create_locale;::_wcreate_locale",
     "::_free_locale", true},
    {"rpc-wide-string", "RPC string", "allocated", "freed",
     AF::OutParam, RF::Call, true, "", "::UuidToStringW:1", "::RpcStringFreeW",
     true, Any, false, "", "", true},
    {"posix-interface-names", "interface name list", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "", "::if_nameindex",
     "::if_freenameindex", true},
    {"posix-ifaddrs", "interface address list", "allocated", "freed",
     AF::OutParam, RF::Call, false, "", "::getifaddrs", "::freeifaddrs", true,
     Any, false, "", "", true},
    {"glib-memory", "memory", "allocated", "freed",
     AF::ReturnValue, RF::Call, false, "",
     "::g_malloc;::g_malloc0;::g_try_malloc;::g_try_malloc0;::g_malloc_n;"
     "::g_malloc0_n;::g_strdup;::g_strndup;::g_memdup;::g_memdup2;"
     "::g_strdup_printf;::g_strconcat",
     "::g_free", false, Any, true},
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
  /// A release call's arguments as written, when it takes more than the
  /// resource (`_, $1`): ResourceFamily::ReleaseArgs.
  std::string Args;
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
  if (!IsAcquire && C->second.contains(',')) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    C->second.split(Parts, ',');
    for (llvm::StringRef Part : Parts)
      Pat.Args += (Pat.Args.empty() ? "" : ", ") + Part.trim().str();
  }
  return Pat;
}

} // namespace

std::optional<ResourceFamily> parseFamily(llvm::StringRef Entry,
                                          std::string &Why) {
  // `name [Type, Type]: ...`: the family only tracks those types.
  llvm::SmallVector<llvm::StringRef, 2> Types;
  std::string Rewritten;
  size_t Colon = Entry.find(':');
  size_t Bracket = Entry.find('[');
  if (Bracket < Colon) {
    size_t Close = Entry.find(']', Bracket);
    if (Close == llvm::StringRef::npos ||
        !Entry.substr(Close + 1).ltrim().starts_with(":")) {
      Why = "expected 'name [type, ...]: acquire -> release'";
      return std::nullopt;
    }
    Entry.slice(Bracket + 1, Close).split(Types, ',', -1, false);
    for (llvm::StringRef &T : Types) {
      T = T.trim();
      if (T.empty() || !isValidAsciiIdentifier(T)) {
        Why = "'" + T.str() + "' is not a type name";
        return std::nullopt;
      }
    }
    if (Types.empty()) {
      Why = "the type list is empty";
      return std::nullopt;
    }
    Rewritten = Entry.take_front(Bracket).rtrim().str() + ":" +
                Entry.substr(Entry.find(':', Close) + 1).str();
    Entry = Rewritten;
  }
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
    if (I != 0 && P->Args != F.ReleaseArgs) {
      Why = "the release patterns of a family must all pass the same "
            "arguments";
      return std::nullopt;
    }
    if (!P->Args.empty()) {
      if (std::string Bad = checkReleaseArgs(P->Args); !Bad.empty()) {
        Why = "in release pattern '" + Parts[I].trim().str() + "': " + Bad;
        return std::nullopt;
      }
      F.ReleaseArgs = P->Args;
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
  for (llvm::StringRef T : Types)
    F.TypeNames.push_back(T.str());
  return F;
}

} // namespace clang::tidy::raii
