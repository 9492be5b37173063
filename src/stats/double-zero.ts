// A zero that V8 keeps as a double. A field that starts as the integer 0 and later holds a fraction
// (a time, people-hours) changes representation in the middle of the first replication: V8 then
// replaces the class's hidden shape, and the next replication's first objects of that class throw
// away the code optimised for the old one (issue 18: the second replication in a process took four
// times a warm one; with these fields starting as doubles, three).
//
// Only for a field that is added to or overwritten before anything reads it: -0 + x is x for every
// x (and -0 + 0 is 0), so no -0 ever reaches a figure; a field read while untouched keeps 0.

export const DOUBLE_ZERO = -0;
