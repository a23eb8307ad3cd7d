Console.WriteLine("Lpu.Bench: see docs/performance.md");
