#include "CTOMLShim.h"
