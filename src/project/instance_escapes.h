#ifndef PSM_PROJECT_INSTANCE_ESCAPES_H_
#define PSM_PROJECT_INSTANCE_ESCAPES_H_

#include <string>
#include <vector>

namespace psm {

// Where a file hands a class, a factory of it or one of its instances
// (InstanceEscapes in instance_escapes.cc) beyond its own code and its
// exports.
struct EscapeFound {
  enum class Kind {
    // Into a module of the project (`register('paypal', (c) =>
    // PayPalRequest.create(c))` with `register` from './registry.js'): what
    // that module hands out may be an instance.
    kModule,
    // Into code the tool cannot follow (a global, a package, a parameter):
    // any file of the project may get an instance.
    kUnknown,
    // An instance whose every field is read (`JSON.stringify(req)`,
    // `{...req}`): the file itself observes the payload field.
    kWhole,
  };
  Kind kind = Kind::kUnknown;
  std::string module;  // kModule: the module's absolute path
  std::string file;    // the file handing it, as shown
  int line = 0;
  std::string what;  // "hands it to `register`"

  // "src/setup.js:4 hands it to `register`"
  std::string Where() const {
    return file + (line > 0 ? ":" + std::to_string(line) : "") + " " + what;
  }
};

}  // namespace psm

#endif  // PSM_PROJECT_INSTANCE_ESCAPES_H_
