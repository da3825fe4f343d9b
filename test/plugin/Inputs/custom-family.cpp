namespace a {
struct Lock { int x; };
void Init(Lock *l);
void Done(Lock *l);
} // namespace a

class Holder {
public:
  Holder() { a::Init(&m_lock); }
  ~Holder() {}

private:
  a::Lock m_lock;
};
