// Argument reading for the subcommands.
#include "cli/cli_args.h"

namespace pm::cli {

ParsedArgs parse_args(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                      const std::set<std::string>& switches) {
    ParsedArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 2 && arg.rfind("--", 0) == 0) {
            const std::string name = arg.substr(2);
            if (with_value.count(name)) {
                if (i + 1 >= args.size()) {
                    parsed.error = arg + " needs a value";
                    return parsed;
                }
                parsed.options[name] = args[++i];
            } else if (switches.count(name)) {
                parsed.flags.insert(name);
            } else {
                parsed.error = "unknown option " + arg;
                return parsed;
            }
        } else {
            parsed.positional.push_back(arg);
        }
    }
    return parsed;
}

}  // namespace pm::cli
