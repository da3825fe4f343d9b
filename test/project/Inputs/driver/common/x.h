struct X {
  X();
  int *m_p;
};
