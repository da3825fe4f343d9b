// Settings of a store, with a type this header does not declare.
struct Settings {
  NoSuchType m_value;
};
