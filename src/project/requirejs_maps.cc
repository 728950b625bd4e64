#include "project/requirejs_maps.h"

#include <optional>

#include "find/object_builder.h"  // Quote

namespace psm {
namespace {

std::vector<std::string> Segments(std::string_view id) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t slash; (slash = id.find('/', start)) != std::string_view::npos;
       start = slash + 1)
    parts.emplace_back(id.substr(start, slash - start));
  parts.emplace_back(id.substr(start));
  return parts;
}

std::string Joined(const std::vector<std::string>& parts, size_t from,
                   size_t to) {
  std::string id;
  for (size_t i = from; i < to; ++i) id += (i > from ? "/" : "") + parts[i];
  return id;
}

// The targets the merged configs give `from` in `scope`. A theme's config
// is merged after the modules' (so its entry wins); two modules' entries
// are merged in the order of modules, unknown here.
struct Hit {
  std::vector<std::pair<std::string, std::string>> targets;  // to, config
};

template <typename Config>
std::optional<Hit> Lookup(const std::vector<const Config*>& configs,
                          std::string_view scope, std::string_view from) {
  std::optional<Hit> hit;
  bool theme_hit = false;
  for (const Config* config : configs) {
    bool theme = !config->pages.theme.empty();
    for (const RequireMapEntry& entry : config->entries) {
      if (entry.scope != scope || entry.from != from) continue;
      if (!hit || (theme && !theme_hit)) hit.emplace();
      if (theme_hit && !theme) continue;
      theme_hit = theme;
      hit->targets.emplace_back(entry.to, config->path);
    }
  }
  return hit;
}

}  // namespace

void RequireMaps::Add(const std::string& config,
                      std::vector<RequireMapEntry> entries) {
  if (entries.empty()) return;
  configs_.push_back(
      Config{config, PagesOf(root_, config, false), std::move(entries)});
}

std::string RequireMaps::Shown(const std::string& path) const {
  std::string prefix = root_.ends_with('/') ? root_ : root_ + "/";
  return path.starts_with(prefix) ? path.substr(prefix.size()) : path;
}

MappedId RequireMaps::Apply(const std::string& importer,
                            const std::string& importer_id,
                            std::string_view specifier) const {
  std::vector<const Config*> always, sometimes;
  PageScope pages = PagesOf(root_, importer, true);
  for (const Config& config : configs_) {
    Reach reach =
        importer.empty() ? Reach::kAlways : ConfigReach(config.pages, pages);
    if (reach == Reach::kAlways) always.push_back(&config);
    if (reach == Reach::kSometimes) sometimes.push_back(&config);
  }
  MappedId mapped = Pick(always, importer_id, specifier, importer.empty());
  if (!mapped.unsure.empty()) return mapped;
  for (const Config* config : sometimes) {
    std::vector<const Config*> with = always;
    with.push_back(config);
    MappedId there = Pick(with, importer_id, specifier, false);
    if (there.id == mapped.id) continue;
    std::string where = config->pages.theme.empty()
                            ? "the " + config->pages.area + " pages"
                            : "the pages of the theme " + config->pages.theme;
    return {"", "is mapped to " +
                    (there.id.empty() ? std::string("an unsure id")
                                      : Quote(there.id)) +
                    " by " + Shown(config->path) + " only on " + where +
                    ", and loaded as " + Quote(mapped.id) +
                    " on the others that load this file; migrate by hand"};
  }
  return mapped;
}

// RequireJS's own order (normalize() in require.js): for each prefix of
// the id, longest first, the asking module's scopes, most specific first;
// `'*'` only when no scope maps any prefix.
MappedId RequireMaps::Pick(const std::vector<const Config*>& configs,
                           const std::string& importer_id,
                           std::string_view specifier, bool first_wins) const {
  std::vector<std::string> name = Segments(specifier);
  std::vector<std::string> base;
  if (!importer_id.empty()) base = Segments(importer_id);
  std::optional<Hit> found, star;
  size_t found_at = 0, star_at = 0;
  for (size_t i = name.size(); i > 0 && !found; --i) {
    std::string segment = Joined(name, 0, i);
    for (size_t j = base.size(); j > 0 && !found; --j) {
      found = Lookup(configs, Joined(base, 0, j), segment);
      found_at = i;
    }
    if (!star && (star = Lookup(configs, "*", segment))) star_at = i;
  }
  if (!found && importer_id.empty() && !first_wins) {
    // A scope the tool cannot match against this file: a module's own map
    // may apply to it.
    for (const Config* config : configs) {
      for (const RequireMapEntry& entry : config->entries) {
        if (entry.scope == "*" || entry.from != specifier) continue;
        return {"", "is mapped by " + Shown(config->path) + " for the module " +
                        Quote(entry.scope) +
                        ", which the tool cannot tell this file is or not; "
                        "migrate by hand"};
      }
    }
  }
  if (!found) {
    found = std::move(star);
    found_at = star_at;
  }
  if (!found) return {std::string(specifier), ""};
  const auto& [to, config] = found->targets.front();
  for (const auto& [other_to, other_config] : found->targets) {
    if (other_to == to || first_wins) continue;
    return {"", "is mapped to " + Quote(to) + " by " + Shown(config) +
                    " and to " + Quote(other_to) + " by " +
                    Shown(other_config) +
                    "; which one RequireJS uses depends on the order in "
                    "which Magento merges the modules' configs; migrate by "
                    "hand"};
  }
  std::string rest = Joined(name, found_at, name.size());
  return {rest.empty() ? to : to + "/" + rest, ""};
}

}  // namespace psm
