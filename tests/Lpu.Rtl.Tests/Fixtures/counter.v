// Fixture for the Verilator harness tests: a 16-bit counter with an enable, and a 100-bit
// register that holds wide_in + 1 (carries cross the 32- and 64-bit word boundaries).
`default_nettype none
module counter (
    input  wire         clk,
    input  wire         rst,
    input  wire         enable,
    input  wire [99:0]  wide_in,
    output reg  [15:0]  count_q,
    output reg  [99:0]  wide_q
);
    always @(posedge clk) begin
        if (rst) begin
            count_q <= 16'd0;
        end else if (enable) begin
            count_q <= count_q + 16'd1;
        end
        wide_q <= wide_in + 100'd1;
    end
endmodule
