// FAKE: error
