/* Nerva C ABI: the umbrella header. Include this one file. */
#ifndef NERVA_H
#define NERVA_H

#include "nerva/common.h"
#include "nerva/layer.h"
#include "nerva/matrix.h"

#endif
