package lab.core.cpu;

/** An experiment that measures one instruction-set path ({@code isa:} in experiments.yaml). */
public interface IsaBound {
    IsaPath isa();
}
