using System;
using System.Collections;
using System.Collections.Generic;

namespace AgentGen.Common
{
    /// <summary>
    /// An immutable array with value equality, for pipeline models: the incremental driver
    /// compares models with Equals, and a bare ImmutableArray compares by reference.
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly EquatableArray<T> Empty = new(Array.Empty<T>());

        private readonly T[]? _items;

        public EquatableArray(T[] items) => _items = items;

        public EquatableArray(IEnumerable<T> items) => _items = items switch
        {
            null => null,
            T[] array => (T[])array.Clone(),
            ICollection<T> collection => CopyOf(collection),
            _ => new List<T>(items).ToArray(),
        };

        public int Count => _items?.Length ?? 0;

        public bool IsEmpty => Count == 0;

        public T this[int index] => _items![index];

        /// <summary>
        /// The index of the item whose key (<paramref name="keyOf"/>) is <paramref name="key"/>, in an
        /// array sorted by that key (ordinal), or -1.
        /// </summary>
        public int IndexOfSorted(string key, Func<T, string> keyOf)
        {
            int lo = 0;
            int hi = Count - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int c = string.CompareOrdinal(keyOf(_items![mid]), key);
                if (c == 0)
                {
                    return mid;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return -1;
        }

        public bool Equals(EquatableArray<T> other)
        {
            T[] a = _items ?? Array.Empty<T>();
            T[] b = other._items ?? Array.Empty<T>();
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            if (_items is not null)
            {
                foreach (T item in _items)
                {
                    hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
                }
            }

            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        /// <summary>One copy (a list's items were copied twice: into a new list, then out of it).</summary>
        private static T[] CopyOf(ICollection<T> collection)
        {
            if (collection.Count == 0)
            {
                return Array.Empty<T>();
            }

            var items = new T[collection.Count];
            collection.CopyTo(items, 0);
            return items;
        }
    }

    internal static class EquatableArray
    {
        /// <summary>Whether <paramref name="sorted"/> (ordinal-sorted) holds <paramref name="value"/>: a binary search.</summary>
        public static bool ContainsSorted(this EquatableArray<string> sorted, string value)
            => !sorted.IsEmpty && sorted.IndexOfSorted(value, static s => s) >= 0;

        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new(items);
    }
}
