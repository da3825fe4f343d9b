// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P22: ATL objects (an ATL-shaped atlcom.h): CComObject<T>'s destructor calls
// T::FinalRelease() once, before ~T(). CIndex frees its buffer there, which
// is a release (no warning, no second free). CJournal leaks its buffer; the
// fix frees it in its FinalRelease(), and the fixed program neither leaks
// nor frees twice.
#include "atlcom.h"
#include "oracle.h"
#include <stdlib.h>
#include <string.h>

class CIndex : public CComObjectRootEx<CComSingleThreadModel> {
public:
  CIndex() : keys_(static_cast<char *>(malloc(32))) {}
  CIndex(const CIndex &) = delete;
  CIndex &operator=(const CIndex &) = delete;
  void FinalRelease() { free(keys_); }
  void add(const char *K) { strncpy(keys_, K, 31), keys_[31] = 0; }

private:
  char *keys_;
};

class CJournal : public CComObjectRoot {
public:
  CJournal() : log_(static_cast<char *>(malloc(64))) {}
  CJournal(const CJournal &) = delete;
  CJournal &operator=(const CJournal &) = delete;
  ~CJournal() { lines_ = 0; }
  void FinalRelease() { lines_ = -1; }
  void write(const char *S) { strncpy(log_, S, 63), log_[63] = 0, ++lines_; }
  int lines() const { return lines_; }

private:
  char *log_;
  int lines_ = 0;
};

int main() {
  int Lines = 0;
  for (int I = 0; I < 3; ++I) {
    CComObject<CIndex> *Index = nullptr;
    CComObject<CJournal> *Journal = nullptr;
    if (CComObject<CIndex>::CreateInstance(&Index) != S_OK ||
        CComObject<CJournal>::CreateInstance(&Journal) != S_OK)
      return 1;
    Index->AddRef();
    Journal->AddRef();
    Index->add("key");
    Journal->write("entry");
    Lines += Journal->lines();
    Index->Release();
    Journal->Release();
  }
  return Lines == 3 ? raii_oracle_finish() : 1;
}
