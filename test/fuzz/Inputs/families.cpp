// Compiled after the fuzzer's prelude: one leak of each kind of family, and a
// mismatched release (five raii-unreleased-member warnings).
class Owner {
public:
  Owner() : buf_(malloc(4)), ev_(CreateEventW(0, 0, 0, 0)), arr_(new int[2]) {
    pthread_mutex_init(&mu_, 0);
    cs_.Init();
  }
  ~Owner() { delete arr_; }
  Owner(const Owner &) = delete;
  Owner &operator=(const Owner &) = delete;

private:
  void *buf_;
  HANDLE ev_;
  int *arr_;
  pthread_mutex_t mu_;
  ATL::CComCriticalSection cs_;
};
