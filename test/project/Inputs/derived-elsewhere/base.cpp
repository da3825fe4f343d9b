#include "base.h"

Base::Base() : slots_(new int[8]) {}
Base::~Base() {}
