#pragma once
#include <windows.h>

template <typename T> class CBox {
public:
  CBox();
  ~CBox() {}

private:
  CRITICAL_SECTION m_cs;
};
