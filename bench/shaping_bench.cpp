// Desktop shaping figures (issue 18): the cost of shaping and rendering one label that ImGui
// cannot draw (FriBidi + HarfBuzz + FreeType, Debian's Noto fonts), which the desktop pays once
// per label and size (then the run is cached in a texture), and a label at the 512-code-point cap.
#include "app/desktop/shaping/shaper.h"
#include "bench_util.h"

#include <cstdio>
#include <string>

int main() {
    using namespace pm;
    shaping::Shaper shaper;
    const float em = 16.0f / 1.362f;  // a 16 px ImGui line of Noto Sans
    struct Label {
        const char* name;
        std::string text;
    };
    const Label labels[] = {
        {"arabic", "العنوان الكامل"},
        {"devanagari", "पूरा पता किताब"},
        {"thai", "ที่อยู่เต็ม"},
        {"mixed", "Total (USD) الإجمالي"},
    };
    for (const Label& label : labels) {
        if (!shaper.render(label.text, em)) {  // also loads the fonts, outside the timing
            std::fprintf(stderr, "shaping_bench: %s does not shape (fonts-noto-core missing?)\n", label.name);
            return 1;
        }
        const int runs = 200;
        bench::report(std::string("shaping.render_") + label.name + "_label", bench::median_ms(runs, [&] {
                          bench::keep(shaper.render(label.text, em));
                      }) * 1000.0,
                      "us", runs);
    }
    std::string huge;
    for (int i = 0; i < 20000; ++i) huge += "ب";
    const int runs = 20;
    bench::report("shaping.render_capped_20000_letter_label", bench::median_ms(runs, [&] {
                      bench::keep(shaper.render(huge, em));
                  }),
                  "ms", runs);
    return 0;
}
