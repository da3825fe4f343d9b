// FAKE: crash
