/**
 * Witnessing a transparency log (C2SP tlog-witness) and counting witnesses (C2SP tlog-policy).
 *
 * <p>A {@link accord.tlog.witness.Witness} cosigns a log's checkpoint only when it is consistent
 * with the last one it cosigned for that log; {@link accord.tlog.witness.Decision} holds those
 * rules as a pure function and {@link accord.tlog.witness.WitnessStore} the state they guard. A
 * {@link accord.tlog.witness.Policy} says whose cosignatures a reader needs before it trusts a
 * checkpoint.
 */
package accord.tlog.witness;
