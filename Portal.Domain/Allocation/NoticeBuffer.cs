namespace Portal.Domain.Allocation;

// At most four events per line (one ETA event, ready, shipped, cancelled): collected without a list.
internal struct NoticeBuffer
{
    private Notice _a, _b, _c, _d;
    private int _count;

    public void Add(Notice notice)
    {
        switch (_count++)
        {
            case 0: _a = notice; break;
            case 1: _b = notice; break;
            case 2: _c = notice; break;
            default: _d = notice; break;
        }
    }

    public readonly Notice[] ToArray() => _count switch
    {
        0 => [],
        1 => [_a],
        2 => [_a, _b],
        3 => [_a, _b, _c],
        _ => [_a, _b, _c, _d],
    };
}
