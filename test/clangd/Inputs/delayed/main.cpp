#include "box.h"

template <typename T> CBox<T>::CBox() { InitializeCriticalSection(&m_cs); }

template <typename T> class CLocal {
public:
  CLocal() { InitializeCriticalSection(&m_cs); }
  ~CLocal() {}

private:
  CRITICAL_SECTION m_cs;
};
