// Exports of nerva/initializer.h.
#include "abi/handles.h"
#include "core/initializers.h"
#include "nerva/initializer.h"

using nerva::abi::guard;
using nerva::abi::require_not_null;

extern "C" {

NERVA_API nerva_status nerva_layer_initialize(nerva_layer* layer, const nerva_initializer* initializer, uint64_t seed)
{
    return guard(__func__, [&] {
        require_not_null(initializer, "initializer");
        const nerva::Initializer settings{static_cast<nerva::InitializerKind>(initializer->kind), initializer->a,
                                          initializer->b};
        nerva::abi::visit_layer(layer, [&](auto& typed) { nerva::initialize_layer(typed, settings, seed); });
    });
}

} // extern "C"
