/**
 * The arithmetic users hold, composed around certified network calls: the exact contracts of
 * {@code Math} (overflow from sign bits, negation as {@code 0 - a}) on adders and subtractors, the
 * digit-string front ends, products ({@link io.neuraladder.compose.Multiplier}: Booth's partial
 * products summed by the adder) and quotients ({@link io.neuraladder.compose.Divider}: restoring
 * division by the subtractor). Only wiring: every digit is a network's; docs/certification.md gives
 * the argument for each. A new composed operation goes here. Internal: users get these as the
 * interfaces of {@code io.neuraladder.api}.
 */
package io.neuraladder.compose;
