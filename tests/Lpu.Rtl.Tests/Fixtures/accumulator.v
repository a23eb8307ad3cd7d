// Fixture for the Verilator harness tests: a 48-bit accumulator that stops the simulation
// with $fatal when trip is set, and ends it with $finish when done is set.
`default_nettype none
module accumulator (
    input  wire        clk,
    input  wire        rst,
    input  wire [31:0] add_value,
    input  wire        trip,
    input  wire        done,
    output reg  [47:0] acc_q
);
    always @(posedge clk) begin
        if (rst) begin
            acc_q <= 48'd0;
        end else begin
            acc_q <= acc_q + {16'd0, add_value};
        end
        if (trip) begin
            $fatal(1, "accumulator tripped at %0d", acc_q);
        end
        if (done) begin
            $finish;
        end
    end
endmodule
