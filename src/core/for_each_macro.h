#pragma once

// The preprocessor loop behind the declare-by-name macros (DL_COLUMNS in
// storage/row_mapping.h, DL_SHAPE_FIELDS in http/shape_fields.h): one copy,
// so a row and a shape expand their lists the same way.

// Its argument without the parentheses around it: (a, b) becomes a, b.
#define DL_UNPARENTHESIZED_(...) __VA_ARGS__

// m(context, x) for each x of the arguments, comma separated (up to 64):
// __VA_OPT__ recursion, each DL_FOR_EACH_EXPAND_ level rescanning the rest.
#define DL_FOR_EACH(m, context, ...) \
  __VA_OPT__(DL_FOR_EACH_EXPAND_(DL_FOR_EACH_STEP_(m, context, __VA_ARGS__)))
#define DL_FOR_EACH_STEP_(m, context, x, ...) \
  m(context, x) __VA_OPT__(, DL_FOR_EACH_AGAIN_ DL_FOR_EACH_PARENS_(m, context, __VA_ARGS__))
#define DL_FOR_EACH_PARENS_ ()
#define DL_FOR_EACH_AGAIN_() DL_FOR_EACH_STEP_
#define DL_FOR_EACH_EXPAND_(...) DL_FOR_EACH_EXPAND4_(DL_FOR_EACH_EXPAND4_(__VA_ARGS__))
#define DL_FOR_EACH_EXPAND4_(...) DL_FOR_EACH_EXPAND3_(DL_FOR_EACH_EXPAND3_(__VA_ARGS__))
#define DL_FOR_EACH_EXPAND3_(...) DL_FOR_EACH_EXPAND2_(DL_FOR_EACH_EXPAND2_(__VA_ARGS__))
#define DL_FOR_EACH_EXPAND2_(...) DL_FOR_EACH_EXPAND1_(DL_FOR_EACH_EXPAND1_(__VA_ARGS__))
#define DL_FOR_EACH_EXPAND1_(...) DL_FOR_EACH_EXPAND0_(DL_FOR_EACH_EXPAND0_(__VA_ARGS__))
#define DL_FOR_EACH_EXPAND0_(...) DL_FOR_EACH_EXPAND00_(DL_FOR_EACH_EXPAND00_(__VA_ARGS__))
#define DL_FOR_EACH_EXPAND00_(...) __VA_ARGS__
