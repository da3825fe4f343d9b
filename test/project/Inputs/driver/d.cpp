// FAKE: no-facts
