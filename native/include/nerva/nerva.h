/* Nerva C ABI: the umbrella header. Include this one file. */
#ifndef NERVA_H
#define NERVA_H

#include "nerva/activation.h"
#include "nerva/common.h"
#include "nerva/initializer.h"
#include "nerva/layer.h"
#include "nerva/layer_kinds.h"
#include "nerva/loss.h"
#include "nerva/matrix.h"
#include "nerva/matrix_operations.h"
#include "nerva/model.h"
#include "nerva/optimizer.h"
#include "nerva/scheduler.h"
#include "nerva/softmax.h"

#endif
