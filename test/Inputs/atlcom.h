// An ATL-shaped header of our own (ATL ships with Visual Studio only): the
// object root classes and CComObject<T>, whose destructor calls
// T::FinalRelease() before ~T(), as atlcom.h does. Portable, so that the
// dynamic tier can run it.
#pragma once

typedef long HRESULT;
#ifndef S_OK
#define S_OK ((HRESULT)0L)
#endif

namespace ATL {
class CComSingleThreadModel {};
class CComMultiThreadModel {};

class CComObjectRootBase {
public:
  HRESULT FinalConstruct() { return S_OK; }
  void FinalRelease() {}
  long m_dwRef = 0;
};

template <class ThreadModel> class CComObjectRootEx : public CComObjectRootBase {
public:
  long InternalAddRef() { return ++m_dwRef; }
  long InternalRelease() { return --m_dwRef; }
};

typedef CComObjectRootEx<CComSingleThreadModel> CComObjectRoot;

template <class Base> class CComObject : public Base {
public:
  CComObject() {}
  ~CComObject() { this->FinalRelease(); }
  long AddRef() { return this->InternalAddRef(); }
  long Release() {
    long Count = this->InternalRelease();
    if (Count == 0)
      delete this;
    return Count;
  }
  static HRESULT CreateInstance(CComObject<Base> **Out) {
    CComObject<Base> *P = new CComObject<Base>();
    HRESULT Hr = P->FinalConstruct();
    if (Hr != S_OK) {
      delete P;
      P = nullptr;
    }
    *Out = P;
    return Hr;
  }
};
} // namespace ATL
using namespace ATL;
