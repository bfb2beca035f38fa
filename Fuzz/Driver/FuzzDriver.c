// Declarations only (include/FuzzDriver.h); the driver itself is in the toolchain's libFuzzer.
#include "FuzzDriver.h"
