#ifndef PSM_PROJECT_PACKAGE_SPECIFIERS_H_
#define PSM_PROJECT_PACKAGE_SPECIFIERS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace psm {

// The specifiers a project's own package.json gives its files, as
// patterns (with at most one `*`) and the absolute paths they name (with
// the same `*`):
// - subpath imports: `"imports": {"#pay": "./src/payments/builder.js"}`
//   (`import { build } from '#pay'`);
// - the package's own name with its `exports`, which its modules may
//   import it by (`"name": "@shop/app", "exports": {"./pay": "./src/pay.js"}`
//   makes `@shop/app/pay`).
// A target under conditions (`{"import": ..., "require": ..., "default":
// ...}`, nested) counts each of them, `import`, `module`, `browser` and
// `default` first: any may be the one that runs.
std::vector<std::pair<std::string, std::vector<std::string>>>
OwnPackageSpecifiers(const std::string& root, const nlohmann::json& package);

// Only the second kind: what other packages of a workspace import the
// package in `root` by (`@shop/payments/builder`).
std::vector<std::pair<std::string, std::vector<std::string>>> PackageExports(
    const std::string& root, const nlohmann::json& package);

// The object form of the package.json `browser` field in `root`
// (`{"./src/node.js": "./src/browser.js", "./src/fs.js": false}`): each
// file of the package a browser build replaces (absolute), and what with
// (absolute; empty for `false`, a file left out of the build). Keys that
// name packages, and files that do not exist, are left out.
std::vector<std::pair<std::string, std::string>> BrowserReplacements(
    const std::string& root, const nlohmann::json& package);

}  // namespace psm

#endif  // PSM_PROJECT_PACKAGE_SPECIFIERS_H_
