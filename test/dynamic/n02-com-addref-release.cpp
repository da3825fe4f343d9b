// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N2: a COM-like object (AddRef/Release, protected destructor) that deletes
// itself in Release; the owner calls Release in its destructor.
#include "oracle.h"

typedef unsigned long ULONG;

class CStream {
public:
  CStream() : m_cRef(1) {}
  ULONG AddRef() { return ++m_cRef; }
  ULONG Release() {
    ULONG Remaining = --m_cRef;
    if (Remaining == 0)
      delete this;
    return Remaining;
  }
  int Read() const { return 7; }

protected:
  ~CStream() {}

private:
  ULONG m_cRef;
};

class CReader {
public:
  CReader() : m_pStream(new CStream) { m_pStream->AddRef(); }
  ~CReader() {
    m_pStream->Release();
    m_pStream->Release();
  }
  CReader(const CReader &) = delete;
  CReader &operator=(const CReader &) = delete;
  int Read() const { return m_pStream->Read(); }

private:
  CStream *m_pStream;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    CReader R;
    Sum += R.Read();
  }
  return Sum == 21 ? raii_oracle_finish() : 1;
}
