// Fixture for the Verilator harness tests: line 8 reads a signal that does not exist, so the
// build fails there.
`default_nettype none
module broken (
    input  wire clk,
    output reg  q
);
    always @(posedge clk) q <= ~no_such_signal;
endmodule
