// Compiles, and has nothing to report.
int Clean() { return 0; }
