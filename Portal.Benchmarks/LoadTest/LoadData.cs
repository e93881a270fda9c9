using Portal.Benchmarks.Data;

namespace Portal.Benchmarks.LoadTest;

/// <summary>What a session types into the order entry: codes and SKUs as the bulk loader names them.</summary>
public sealed class LoadData(int customers, int products)
{
    public static LoadData From(DataSet data) => new(data.Customers.Length, data.Products.Length);

    public string RandomCustomerCode(Random random) => $"C{random.Next(1, customers + 1):D6}";

    public string RandomSku(Random random) => $"SKU-{random.Next(1, products + 1):D6}";
}
