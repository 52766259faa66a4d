// netstandard2.0 lacks the one type C# needs for records and init accessors. Written here rather
// than pulled from a polyfill generator, so the shipped assemblies build bit-for-bit the same.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
