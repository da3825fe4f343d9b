class A {
public:
  A() { InitializeCriticalSection(&m); }
  ~A() {}
  CRITICAL_SECTION m;
};
