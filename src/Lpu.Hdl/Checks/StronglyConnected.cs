namespace Lpu.Hdl.Checks;

/// <summary>Tarjan's strongly connected components, iterative (dependency chains can be long).</summary>
internal static class StronglyConnected
{
    public static List<List<int>> Components(List<int>[] edges)
    {
        var n = edges.Length;
        var order = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Edge)>();
        var result = new List<List<int>>();
        var counter = 0;
        for (var root = 0; root < n; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0)
                {
                    order[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                if (edge < edges[node].Count)
                {
                    work.Push((node, edge + 1));
                    var next = edges[node][edge];
                    if (order[next] < 0)
                    {
                        work.Push((next, 0));
                    }
                    else if (onStack[next])
                    {
                        low[node] = Math.Min(low[node], order[next]);
                    }

                    continue;
                }

                if (low[node] == order[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return result;
    }
}
