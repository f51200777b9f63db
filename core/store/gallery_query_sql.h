#pragma once
// How a gallery query becomes SQL: the folded words of a search as an FTS5 match, the filters
// as conditions, the sort (private to the gallery store).

#include "gallery_store.h"

#include <QVariantList>

namespace eikona::store {

/// " WHERE ... ORDER BY ... [LIMIT n]" for `query`; `values` gets what its placeholders take.
QString galleryWhereAndOrder(const GalleryQuery& query, QVariantList& values);

} // namespace eikona::store
