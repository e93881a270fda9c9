using System.Globalization;

namespace Portal.Domain.Allocation;

// How order and purchase order numbers read in explanations and emails.
public static class DocumentNumbers
{
    public static string SalesOrder(int orderId) => "SO-" + orderId.ToString("D6", CultureInfo.InvariantCulture);

    public static string PurchaseOrder(int poId) => "PO-" + poId.ToString("D6", CultureInfo.InvariantCulture);

    public static string Line(DemandLine line) =>
        SalesOrder(line.OrderId) + " line " + line.LineNumber.ToString(CultureInfo.InvariantCulture);

}
